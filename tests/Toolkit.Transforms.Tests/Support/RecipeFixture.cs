using Toolkit.Testing;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Transforms.Tests.Support;

/// <summary>
/// Before/after fixtures under <c>Fixtures/NAME/</c>: <c>before/</c> is the input, <c>after/</c> holds
/// every file the recipe must change (a missing <c>after/</c> means nothing may change), and an
/// optional <c>manual.txt</c> lists the expected manual steps, one <c>path:line: reason</c> a line.
/// Every verification also runs a second pass and asserts it changes nothing.
/// </summary>
public static class RecipeFixture
{
    /// <summary>Folder of the named fixture.</summary>
    public static string Folder(string name) => RepositoryRoot.Combine("tests", "Toolkit.Transforms.Tests", "Fixtures", name);

    /// <summary>Runs <paramref name="recipe"/> over the fixture and checks output, manual steps and idempotence.</summary>
    public static SwapResult Verify(IRecipe recipe, string name, AppReferences? references, IReadOnlyDictionary<string, string>? options = null)
    {
        var folder = Folder(name);
        var before = SourceSet.LoadFiles(Path.Combine(folder, "before"));
        Assert.NotEmpty(before);
        var result = Run(recipe, before, references, options);

        var afterFolder = Path.Combine(folder, "after");
        if (Environment.GetEnvironmentVariable("TOOLKIT_APPROVE_FIXTURES") == "1") Approve(folder, result);
        var expected = Directory.Exists(afterFolder) ? SourceSet.LoadFiles(afterFolder) : new Dictionary<string, string>();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.Edits.Select(e => e.RelativePath));
        foreach (var edit in result.Edits)
        {
            Assert.Equal(before[edit.RelativePath], edit.Before);
            Assert.Equal(expected[edit.RelativePath], edit.After);
        }

        var manualFile = Path.Combine(folder, "manual.txt");
        var expectedSteps = File.Exists(manualFile)
            ? File.ReadAllLines(manualFile).Where(l => l.Length > 0).ToList()
            : [];
        Assert.Equal(expectedSteps, result.ManualSteps.Select(s => $"{s.RelativePath}:{s.Line}: {s.Reason}").ToList());

        // Second pass over the output: nothing left to change.
        var output = before.ToDictionary(f => f.Key, f => expected.GetValueOrDefault(f.Key) ?? f.Value);
        var second = Run(recipe, output, references, options);
        Assert.Empty(second.Edits);
        return result;
    }

    // Writes the actual output as the expected one; a person then reviews the diff before committing.
    private static void Approve(string folder, SwapResult result)
    {
        var afterFolder = Path.Combine(folder, "after");
        if (Directory.Exists(afterFolder)) Directory.Delete(afterFolder, recursive: true);
        foreach (var edit in result.Edits)
        {
            var path = Path.Combine(afterFolder, edit.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, edit.After);
        }
        var manual = Path.Combine(folder, "manual.txt");
        if (result.ManualSteps.Count == 0) File.Delete(manual);
        else File.WriteAllText(manual, string.Concat(result.ManualSteps.Select(s => $"{s.RelativePath}:{s.Line}: {s.Reason}\n")));
    }

    /// <summary>Runs a recipe over in-memory files.</summary>
    public static SwapResult Run(IRecipe recipe, IReadOnlyDictionary<string, string> files, AppReferences? references, IReadOnlyDictionary<string, string>? options = null)
    {
        var sources = new SourceSet(files, references, options);
        recipe.Run(sources);
        return sources.ToResult();
    }

    /// <summary>A recipe from the default catalog with text options (<c>key=value</c> pairs; a map option is <c>key={a=b,c=d}</c> via <paramref name="maps"/>).</summary>
    public static IRecipe Recipe(string name, IReadOnlyDictionary<string, string>? options = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? maps = null)
    {
        var values = new Dictionary<string, object>();
        foreach (var (key, value) in options ?? new Dictionary<string, string>()) values[key] = value;
        foreach (var (key, value) in maps ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()) values[key] = value;
        return RecipeCatalog.Default.Create(name, values);
    }
}
