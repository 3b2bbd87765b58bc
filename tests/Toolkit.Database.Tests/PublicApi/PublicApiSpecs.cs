using System.Reflection;
using System.Text;
using Toolkit.Database;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.PublicApi;

public sealed class PublicApiSpecs
{
    /// <summary>
    /// The migration and promotion helpers build on this API: a change to it must be deliberate. On a
    /// difference the test writes database-api.received.txt beside the approved file.
    /// </summary>
    [Fact]
    public void I_can_rely_on_the_database_public_api_not_changing_by_accident()
    {
        var approvedPath = RepositoryRoot.Combine("tests", "Toolkit.Database.Tests", "PublicApi", "database-api.approved.txt");
        var actual = Describe(typeof(ScriptEngine).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : "";
        if (approved != actual) File.WriteAllText(Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received") + ".txt", actual);
        Assert.Equal(approved, actual);
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        var types = assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("Toolkit.Database", StringComparison.Ordinal) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !m.Name.StartsWith('<') && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers" or "EqualityContract"))
                .Select(Member).Order(StringComparer.Ordinal);
            foreach (var m in members) text.Append("  ").Append(m).Append('\n');
        }
        return text.ToString();
    }

    private static string Kind(Type t) => t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : "class";

    private static string Member(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Params(c)})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : "")}{Name(mi.ReturnType)} {mi.Name}({Params(mi)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => $"{m.MemberType} {m.Name}",
    };

    private static string Params(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
