using Toolkit.Migrations.Backups;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Paths;
using Toolkit.Migrations.RollingBack;
using Toolkit.Migrations.Tests.Support;

namespace Toolkit.Migrations.Tests;

public class BackupSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_back_up_and_restore_the_working_tree_byte_for_byte_without_touching_HEAD_index_or_stash()
    {
        using var repo = await TempRepository.CreateAsync();
        repo.Write("app/Program.cs", "class P {}\n");
        repo.Write("app/data.bin", "\0\x01\xff binary-ish \r\n");
        repo.Write("app/run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(System.IO.Path.Combine(repo.Path, "app/run.sh"), (UnixFileMode)0b111_101_101);
        repo.Write(".gitignore", "bin/\n");
        repo.Write("outside.txt", "not the app\n");
        await repo.CommitAllAsync();
        repo.Write("app/stash-me.txt", "x\n");
        await repo.GitAsync("add", "app/stash-me.txt");
        await repo.GitAsync("stash", "push", "-q");
        repo.Write("app/Staged.cs", "staged\n");
        await repo.GitAsync("add", "app/Staged.cs");
        repo.Write("app/Untracked.cs", "untracked\n");
        repo.Write("app/Program.cs", "class P { /* edited, not committed */ }\r\n");
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();

        var indexBefore = await File.ReadAllBytesAsync(System.IO.Path.Combine(repo.Path, ".git", "index"));
        using var git = await GitRepository.OpenAsync(System.IO.Path.Combine(repo.Path, "app"));
        var commit = await WorkingTreeBackup.CreateAsync(git, "mp-test");
        Assert.Equal(commit, await git.ResolveAsync("refs/toolkit/backups/mp-test"));
        Assert.Equal(gitBefore, await repo.GitStateAsync());
        Assert.Equal(indexBefore, await File.ReadAllBytesAsync(System.IO.Path.Combine(repo.Path, ".git", "index")));
        Assert.Equal(before, repo.Snapshot());
        // git itself reads the same bytes back (the ref is an ordinary commit on top of HEAD).
        Assert.Equal("class P { /* edited, not committed */ }\r\n", await repo.GitAsync("show", "refs/toolkit/backups/mp-test:app/Program.cs"));
        Assert.Equal((await repo.GitAsync("rev-parse", "HEAD")).Trim(), (await repo.GitAsync("rev-parse", "refs/toolkit/backups/mp-test^")).Trim());
        var tree = await WorkingTreeBackup.ReadAsync(git, "refs/toolkit/backups/mp-test", "app");
        Assert.Equal(["app/Program.cs", "app/Staged.cs", "app/Untracked.cs", "app/data.bin", "app/run.sh"], tree.Keys);
        Assert.Equal("100755", tree["app/run.sh"].Mode);

        // Damage the app: edit, delete, add, change a mode; and the file outside the app.
        repo.Write("app/Program.cs", "broken");
        File.Delete(System.IO.Path.Combine(repo.Path, "app/Untracked.cs"));
        repo.Write("app/Added/New.cs", "added by apply\n");
        File.SetUnixFileMode(System.IO.Path.Combine(repo.Path, "app/run.sh"), (UnixFileMode)0b110_100_100);
        repo.Write("outside.txt", "changed outside the app\n");

        // Restore the app's files from the backup (in process, from the object database), and delete the added one.
        var gate = AppPaths.For(System.IO.Path.Combine(repo.Path, "app"));
        var steps = tree.Select(e => new FileRollbackStep(e.Key["app/".Length..], FileRollbackAction.Restore, null, e.Value.BlobId, e.Value.Mode, ""))
            .Append(new FileRollbackStep("Added/New.cs", FileRollbackAction.Delete, null, null, null, "")).ToList();
        var scratch = System.IO.Path.Combine(git.GitDirectory, "toolkit", "tmp");
        var report = FileRestorer.Restore(git, steps, gate, scratch);

        Assert.True(report.Verified, string.Join(", ", report.Mismatched));
        Assert.Equal(["Program.cs", "Untracked.cs", "run.sh", "Added/New.cs"], report.Written);
        var after = repo.Snapshot();
        Assert.Equal(before.Where(e => e.Key != "outside.txt"), after.Where(e => e.Key != "outside.txt"));
        Assert.Equal("changed outside the app\n", File.ReadAllText(System.IO.Path.Combine(repo.Path, "outside.txt")));
        Assert.False(Directory.Exists(System.IO.Path.Combine(repo.Path, "app/Added")));
        Assert.NotEqual((UnixFileMode)0, File.GetUnixFileMode(System.IO.Path.Combine(repo.Path, "app/run.sh")) & UnixFileMode.UserExecute);
        Assert.Equal(gitBefore, await repo.GitStateAsync());
        Assert.Equal(indexBefore, await File.ReadAllBytesAsync(System.IO.Path.Combine(repo.Path, ".git", "index")));
    }
}
