using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests.Support;

/// <summary>A throw-away git repository with an identity, plus the checks tests make on it (HEAD, index, stash).</summary>
public sealed class TempRepository : IDisposable
{
    public TempDirectory Directory { get; } = new("toolkit-mig");

    public string Path => Directory.Path;

    public static async Task<TempRepository> CreateAsync()
    {
        var repository = new TempRepository();
        await repository.GitAsync("init", "-q", "-b", "main");
        await repository.GitAsync("config", "user.email", "dev@example.com");
        await repository.GitAsync("config", "user.name", "Dev");
        await repository.GitAsync("config", "commit.gpgsign", "false");
        return repository;
    }

    public string Write(string relative, string content) => Directory.Write(relative, content);

    public async Task<string> GitAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For("git").WithArguments(args).WithWorkingDirectory(Path).WithTimeout(TimeSpan.FromMinutes(1)));
        if (!result.Succeeded) throw new InvalidOperationException($"git {string.Join(' ', args)}: {result.StandardError}");
        return result.StandardOutput;
    }

    public async Task CommitAllAsync(string message = "initial")
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", message);
    }

    /// <summary>HEAD, the index entries and the stash list: what apply and rollback must never change.</summary>
    public async Task<string> GitStateAsync() =>
        await GitAsync("rev-parse", "HEAD") + "\n" + await GitAsync("ls-files", "-s") + "\n" + await GitAsync("stash", "list")
        + "\n" + await GitAsync("symbolic-ref", "HEAD");

    /// <summary>File hashes of the working tree without the .git directory.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.Snapshot().Where(e => !e.Key.StartsWith(".git/", StringComparison.Ordinal) && e.Key != ".git")
            .ToDictionary(e => e.Key, e => e.Value);

    public void Dispose() => Directory.Dispose();
}
