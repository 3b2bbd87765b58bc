using Toolkit.Testing;

namespace Toolkit.Database.Tests.Engine;

public sealed class SqliteEngineSpecs : EngineSpecs, IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-sqlite");

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult($"Data Source={_dir.Combine(Guid.NewGuid().ToString("N") + ".db")};Pooling=False");

    public void Dispose() => _dir.Dispose();
}
