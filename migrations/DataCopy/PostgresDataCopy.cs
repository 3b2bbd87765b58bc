using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;
using Toolkit.Migrations.Secrets;

namespace Toolkit.Migrations.DataCopy;

/// <summary>
/// Copies one PostgreSQL database into another (the neon to supabase data move): <c>pg_dump --format=custom |
/// pg_restore</c> as one real pipe between two processes, no shell (passwords through each one's environment, never the command line), then
/// compares every table's row count and checksum on both sides. Refuses a target that is not empty.
/// </summary>
public sealed class PostgresDataCopy(string? binDirectory = null)
{
    /// <summary>Copies <paramref name="sourceConnection"/> into <paramref name="targetConnection"/> and verifies it.</summary>
    public async Task<DataCopyReport> CopyAsync(string sourceConnection, string targetConnection, CancellationToken cancellationToken = default)
    {
        var source = new NpgsqlConnectionStringBuilder(sourceConnection);
        var target = new NpgsqlConnectionStringBuilder(targetConnection);
        await TargetReset.RequireEmptyAsync(targetConnection, cancellationToken);

        // Two processes joined by a pipe the runner owns (no shell): each gets only its own password, in its environment.
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var dump = ProcessSpec.For(Tool("pg_dump"))
            .WithArguments("--format=custom", "--no-owner", "--no-privileges", "-h", source.Host ?? "localhost", "-p", source.Port.ToString(invariant),
                "-U", source.Username ?? "postgres", "-d", source.Database ?? "postgres")
            .WithEnvironment("PGPASSWORD", source.Password ?? "")
            .WithTimeout(TimeSpan.FromHours(2));
        var restore = ProcessSpec.For(Tool("pg_restore"))
            .WithArguments("--no-owner", "--no-privileges", "--exit-on-error", "-h", target.Host ?? "localhost", "-p", target.Port.ToString(invariant),
                "-U", target.Username ?? "postgres", "-d", target.Database ?? "postgres")
            .WithEnvironment("PGPASSWORD", target.Password ?? "")
            .WithTimeout(TimeSpan.FromHours(2));
        PipelineResult result;
        try { result = await ProcessRunner.PipeAsync(dump, restore, cancellationToken); }
        catch (ProcessNotFoundException e)
        {
            throw new DiagnosticException(Diagnostic.Error("MIG061", $"{e.FileName} is not installed or not on PATH; install the PostgreSQL client tools (apt-get install postgresql-client)."));
        }
        if (!result.Succeeded)
        {
            var failed = !result.Producer.Succeeded ? ("pg_dump", result.Producer) : ("pg_restore", result.Consumer);
            throw new DiagnosticException(Diagnostic.Error("MIG061",
                $"pg_dump | pg_restore from '{source.Database}' to '{target.Database}' failed: {failed.Item1} exited {failed.Item2.ExitCode}: " +
                SecretMasker.MaskSecrets((result.Producer.StandardError + result.Consumer.StandardError).Trim())));
        }

        var before = await TableChecksums.ReadAsync(sourceConnection, cancellationToken);
        var after = await TableChecksums.ReadAsync(targetConnection, cancellationToken);
        var tables = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).Select(name =>
        {
            before.TryGetValue(name, out var s);
            after.TryGetValue(name, out var t);
            return new TableComparison(name, s?.Rows, t?.Rows, s?.Checksum, t?.Checksum);
        }).ToList();
        return new DataCopyReport(tables);
    }

    private string Tool(string name)
    {
        if (binDirectory is not null) return Path.Combine(binDirectory, name);
        if (ProcessRunner.FindOnPath(name) is { } onPath) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return installed ?? name;
    }
}

/// <summary>Row count and checksum of one table on both sides (null where the table is missing).</summary>
public sealed record TableComparison(string Table, long? SourceRows, long? TargetRows, string? SourceChecksum, string? TargetChecksum)
{
    /// <summary>True when both sides have the table with the same count and checksum.</summary>
    public bool Matches => SourceRows is not null && SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>The per-table comparison after a copy.</summary>
public sealed record DataCopyReport(IReadOnlyList<TableComparison> Tables)
{
    /// <summary>True when every table matches.</summary>
    public bool Verified => Tables.All(t => t.Matches);
}
