using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;
using Toolkit.Migrations.Secrets;

namespace Toolkit.Migrations.DataCopy;

/// <summary>
/// Copies one PostgreSQL database into another (the neon to supabase data move): <c>pg_dump --format=custom |
/// pg_restore</c> as one real pipe (passwords through the environment, never the command line), then
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

        const string script = "set -o pipefail; PGPASSWORD=\"$SOURCE_PASSWORD\" \"$1\" --format=custom --no-owner --no-privileges -h \"$2\" -p \"$3\" -U \"$4\" -d \"$5\" " +
                              "| PGPASSWORD=\"$TARGET_PASSWORD\" \"$6\" --no-owner --no-privileges --exit-on-error -h \"$7\" -p \"$8\" -U \"$9\" -d \"${10}\"";
        var spec = ProcessSpec.For("bash")
            .WithArguments("-c", script, "copy", Tool("pg_dump"), source.Host ?? "localhost", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                source.Username ?? "postgres", source.Database ?? "postgres",
                Tool("pg_restore"), target.Host ?? "localhost", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                target.Username ?? "postgres", target.Database ?? "postgres")
            .WithEnvironment("SOURCE_PASSWORD", source.Password ?? "")
            .WithEnvironment("TARGET_PASSWORD", target.Password ?? "")
            .WithEnvironment("PGPASSWORD", null)
            .WithTimeout(TimeSpan.FromHours(2));
        var result = await ProcessRunner.RunAsync(spec, cancellationToken);
        if (!result.Succeeded)
            throw new DiagnosticException(Diagnostic.Error("MIG061",
                $"pg_dump | pg_restore from '{source.Database}' to '{target.Database}' failed ({result.ExitCode}): {SecretMasker.MaskSecrets(result.StandardError.Trim())}"));

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
