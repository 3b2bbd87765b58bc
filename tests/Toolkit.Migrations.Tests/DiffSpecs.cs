using Toolkit.Migrations.Diffing;
using Toolkit.Migrations.Tests.Support;

namespace Toolkit.Migrations.Tests;

public class DiffSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_turn_changes_into_a_patch_that_git_apply_accepts()
    {
        using var repo = await TempRepository.CreateAsync();
        var original = new Dictionary<string, string>
        {
            ["src/Service.cs"] = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"line {i}")) + "\n",
            ["src/NoNewline.cs"] = "first\nsecond",
            ["Windows.txt"] = "one\r\ntwo\r\nthree\r\n",
            ["Gone.cs"] = "delete me\n",
        };
        foreach (var (path, content) in original) repo.Write(path, content);
        await repo.CommitAllAsync();

        var changed = new Dictionary<string, string?>
        {
            ["src/Service.cs"] = original["src/Service.cs"].Replace("line 2\n", "line two\n").Replace("line 20\n", "").Replace("line 39\n", "line 39\ninserted\n"),
            ["src/NoNewline.cs"] = "first\nsecond changed\n",
            ["Windows.txt"] = "one\r\n2\r\nthree\r\n",
            ["Gone.cs"] = null,
            ["New/Added.cs"] = "brand new\nfile",
        };
        var patch = string.Concat(changed.Select(c => UnifiedDiff.Create(c.Key, original.GetValueOrDefault(c.Key), c.Value)));
        repo.Write("../swap.patch", patch);
        var patchPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(repo.Path, "..", "swap.patch"));
        try
        {
            await repo.GitAsync("apply", "--check", patchPath);
            await repo.GitAsync("apply", patchPath);
        }
        finally { File.Delete(patchPath); }

        foreach (var (path, content) in changed)
        {
            var full = System.IO.Path.Combine(repo.Path, path);
            if (content is null) Assert.False(File.Exists(full), path);
            else Assert.Equal(content, File.ReadAllText(full));
        }
        Assert.Contains("\\ No newline at end of file", patch);
    }

    [Fact]
    public void I_can_see_three_lines_of_context_around_each_change()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var diff = UnifiedDiff.Create("a.txt", before, before.Replace("l10\n", "ten\n"));
        Assert.Contains("@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n+ten\n l11\n l12\n l13\n", diff);
        Assert.Equal(diff, UnifiedDiff.Create("a.txt", before, before.Replace("l10\n", "ten\n")));
    }
}
