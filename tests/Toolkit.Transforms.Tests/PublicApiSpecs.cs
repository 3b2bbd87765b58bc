using System.Reflection;
using Toolkit.Testing;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Transforms.Tests;

/// <summary>The public surface of Toolkit.Transforms is pinned, so a change to it is a reviewed change.</summary>
public sealed class PublicApiSpecs
{
    private static string ApprovedPath => RepositoryRoot.Combine("tests", "Toolkit.Transforms.Tests", "PublicApi.approved.txt");

    [Fact(Timeout = 30_000)]
    public async Task I_can_see_every_change_to_the_public_api_in_review()
    {
        await Task.Yield();
        var actual = Describe(typeof(ISwap).Assembly);
        if (Environment.GetEnvironmentVariable("TOOLKIT_APPROVE_FIXTURES") == "1") File.WriteAllText(ApprovedPath, actual);

        Assert.Equal(File.ReadAllText(ApprovedPath), actual);
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}");
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !m.Name.StartsWith('<') && m.Name is not ("EqualityContract" or "Deconstruct" or "<Clone>$"))
                .Select(m => "  " + m.ToString())
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }
        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
}
