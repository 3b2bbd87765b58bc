using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Backups;

/// <summary>
/// Pre-migration dumps with <c>pg_dump -Fc</c> of what a fan-out will change (the tenants' schemas, the
/// shared app schema, or each tenant database's app schema), and their restore: the dumped schemas are
/// dropped and recreated from the dump, then the fan-out state is forgotten so the next run re-reads journals.
/// </summary>
public static class PgDump
{
    /// <summary>Dumps the schemas <paramref name="tenants"/> live in; returns the file (or, under db-per-tenant, the directory).</summary>
    public static async Task<string> DumpTenantsAsync(string adminConnectionString, IReadOnlyList<RegisteredTenant> tenants, string directory, CancellationToken cancellationToken)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(directory);
        if (tenants[0].Isolation == IsolationLevel.DbPerTenant)
        {
            var folder = Path.GetFullPath(Path.Combine(directory, $"toolkit-predump-{stamp}"));
            Directory.CreateDirectory(folder);
            foreach (var t in tenants)
            {
                var (target, _) = t.AdminTarget(adminConnectionString);
                await DumpAsync(target, ["app"], Path.Combine(folder, t.Database + ".dump"), cancellationToken);
            }
            return folder;
        }
        var schemas = tenants[0].Isolation == IsolationLevel.Rls ? ["app"]
            : tenants.Count > 200 ? ["tenant_*"] : tenants.Select(t => t.Schema).ToArray();
        var file = Path.GetFullPath(Path.Combine(directory, $"toolkit-predump-{stamp}.dump"));
        await DumpAsync(adminConnectionString, schemas, file, cancellationToken);
        return file;
    }

    /// <summary>Dumps <paramref name="schemas"/> (patterns allowed) of one database to <paramref name="file"/>.</summary>
    public static async Task DumpAsync(string connectionString, IReadOnlyList<string> schemas, string file, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
        var args = new List<string> { "-Fc", "-d", database, "-f", file };
        foreach (var s in schemas) args.AddRange(["-n", s]);
        var result = await ProcessRunner.RunAsync(PgTools.For("pg_dump", connectionString, [.. args]), cancellationToken);
        if (!result.Succeeded)
            throw new DiagnosticException(Diagnostic.Error("db-backup", $"pg_dump of {database} failed ({result.ExitCode}): {result.StandardError.Trim()}"));
    }

    /// <summary>
    /// Restores a dump made by <see cref="DumpTenantsAsync"/>: a file into the database of
    /// <paramref name="connectionString"/>, or a directory of <c>DATABASE.dump</c> files into each database.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        var restored = new List<string>();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.dump").Order(StringComparer.Ordinal))
            {
                var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = Path.GetFileNameWithoutExtension(file) }.ConnectionString;
                restored.AddRange((await RestoreFileAsync(target, file, cancellationToken)).Select(s => $"{Path.GetFileNameWithoutExtension(file)}.{s}"));
            }
        }
        else if (File.Exists(path))
        {
            restored.AddRange(await RestoreFileAsync(connectionString, path, cancellationToken));
            await ForgetJournalRowsAsync(connectionString, path, restored, cancellationToken);
        }
        else throw new DiagnosticException(Diagnostic.Error("db-restore", $"'{path}' is neither a dump file nor a directory of dumps."));
        await ForgetStateAsync(connectionString, cancellationToken);
        return restored;
    }

    private static async Task<IReadOnlyList<string>> RestoreFileAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var list = await ProcessRunner.RunAsync(ProcessSpec.For(PgTools.Find("pg_restore")).WithArguments("-l", file), cancellationToken);
        if (!list.Succeeded) throw new DiagnosticException(Diagnostic.Error("db-restore", $"'{file}' is not a pg_dump archive: {list.StandardError.Trim()}", new SourceLocation(file, 1, 1)));
        var schemas = list.StandardOutput.Split('\n')
            .Where(l => !l.StartsWith(';') && l.Contains(" SCHEMA - ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(" SCHEMA - ", StringComparison.Ordinal) + 10)..].Trim().Split(' ')[0])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        // Drop and restore in one psql transaction: a failed restore leaves the schemas as they were.
        var work = Directory.CreateTempSubdirectory("toolkit-restore-");
        try
        {
            var drops = Path.Combine(work.FullName, "drop.sql");
            File.WriteAllText(drops, string.Concat(schemas.Select(x => $"DROP SCHEMA IF EXISTS {Engines.Postgres.PostgresQuoting.Identifier(x)} CASCADE;\n")));
            var sql = Path.Combine(work.FullName, "restore.sql");
            var text = await ProcessRunner.RunAsync(ProcessSpec.For(PgTools.Find("pg_restore")).WithArguments("-f", sql, file), cancellationToken);
            if (!text.Succeeded) throw new DiagnosticException(Diagnostic.Error("db-restore", $"pg_restore of '{file}' failed ({text.ExitCode}): {text.StandardError.Trim()}"));
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
            var result = await ProcessRunner.RunAsync(PgTools.For("psql", connectionString, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", database, "-f", drops, "-f", sql), cancellationToken);
            if (!result.Succeeded) throw new DiagnosticException(Diagnostic.Error("db-restore", $"restoring '{file}' failed ({result.ExitCode}), nothing was changed: {result.StandardError.Trim()}"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
        return schemas;
    }

    /// <summary>
    /// Records, beside the dump, the last row of the shared journal (<c>toolkit.script_journal</c>) at dump time, so a
    /// restore can take back the rows the migration wrote for the schemas it puts back.
    /// </summary>
    public static async Task MarkJournalAsync(string connectionString, string dumpPath, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM toolkit.script_journal", connection);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        Core.Output.AtomicFile.WriteAllText(dumpPath + ".journal", last.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
    }

    private static async Task ForgetJournalRowsAsync(string connectionString, string dumpPath, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        if (!File.Exists(dumpPath + ".journal") || !long.TryParse(File.ReadAllText(dumpPath + ".journal").Trim(), System.Globalization.CultureInfo.InvariantCulture, out var last)) return;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM toolkit.script_journal WHERE id > @last AND target IN (SELECT id FROM toolkit.tenants WHERE schema_name = ANY(@schemas))", connection);
        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("schemas", schemas.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ForgetStateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DO $$ BEGIN IF to_regclass('toolkit.tenant_state') IS NOT NULL THEN DELETE FROM toolkit.tenant_state; END IF; END $$", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
