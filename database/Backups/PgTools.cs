using Npgsql;
using Toolkit.Core.Processes;

namespace Toolkit.Database.Backups;

/// <summary>Finds <c>pg_dump</c>, <c>pg_restore</c> and <c>psql</c> and runs them against a connection string (password through PGPASSWORD, never argv).</summary>
public static class PgTools
{
    /// <summary>Path of a PostgreSQL client tool: TOOLKIT_PG_BIN, PATH, or the newest /usr/lib/postgresql/*/bin.</summary>
    public static string Find(string tool)
    {
        if (Environment.GetEnvironmentVariable("TOOLKIT_PG_BIN") is { Length: > 0 } bin && File.Exists(Path.Combine(bin, tool))) return Path.Combine(bin, tool);
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var installed = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists);
            if (installed is not null) return installed;
        }
        return ProcessRunner.FindOnPath(tool) ?? tool;
    }

    /// <summary>A spec running <paramref name="tool"/> against the database of <paramref name="connectionString"/>.</summary>
    public static ProcessSpec For(string tool, string connectionString, params string[] arguments)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var spec = ProcessSpec.For(Find(tool))
            .WithArguments(["-h", b.Host ?? "localhost", "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username ?? "postgres", .. arguments])
            .WithTimeout(TimeSpan.FromMinutes(30));
        return b.Password is { } password ? spec.WithEnvironment("PGPASSWORD", password) : spec;
    }
}
