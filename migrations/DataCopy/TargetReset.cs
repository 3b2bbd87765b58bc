using Npgsql;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Migrations.DataCopy;

/// <summary>
/// The target side of a data copy: checks it is empty before (no table, view, sequence, function or type in
/// any user schema, so the copy is the only thing in it) and puts it back to empty on rollback (drops the
/// schemas the copy created, empties <c>public</c>), verified by the same check.
/// </summary>
public static class TargetReset
{
    /// <summary>User objects in the database as <c>schema.name (kind)</c>, sorted; empty for a fresh database.</summary>
    public static async Task<IReadOnlyList<string>> UserObjectsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
            UNION ALL
            SELECT n.nspname || '.' || p.proname || ' (function)' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
            UNION ALL
            SELECT n.nspname || ' (schema)' FROM pg_namespace n
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
            ORDER BY 1
            """, connection);
        var objects = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) objects.Add(reader.GetString(0));
        return objects;
    }

    /// <summary>Refuses (MIG060) a target that holds anything.</summary>
    public static async Task RequireEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        var objects = await UserObjectsAsync(connectionString, cancellationToken);
        if (objects.Count > 0)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            throw new DiagnosticException(Diagnostic.Error("MIG060",
                $"target database '{target.Database}' on {target.Host}:{target.Port} is not empty ({objects.Count} object(s): {string.Join(", ", objects.Take(5))}); copy only into an empty database."));
        }
    }

    /// <summary>Drops everything a copy put in the target; returns what is left (empty when verified).</summary>
    public static async Task<IReadOnlyList<string>> ResetAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // An apply killed during the copy leaves its pg_restore running (children outlive a SIGKILLed
            // parent): end it first (waiting up to 10 s each), or it would keep restoring after the reset.
            await using (var stop = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE NOT pg_terminate_backend(pid, 10000)) FROM pg_stat_activity " +
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'pg_restore'", connection))
            {
                if (Convert.ToInt64(await stop.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    return ["a pg_restore session in the target database did not stop"];
            }
            var schemas = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));
            var sql = string.Concat(schemas.Select(s => $"DROP SCHEMA \"{s.Replace("\"", "\"\"")}\" CASCADE;\n"))
                      + "DO $$ DECLARE r record; BEGIN\n"
                      + "  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m','f') LOOP\n"
                      + "    EXECUTE format(CASE WHEN r.relkind = 'v' THEN 'DROP VIEW IF EXISTS public.%I CASCADE' WHEN r.relkind = 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE' WHEN r.relkind = 'f' THEN 'DROP FOREIGN TABLE IF EXISTS public.%I CASCADE' ELSE 'DROP TABLE IF EXISTS public.%I CASCADE' END, r.relname);\n"
                      + "  END LOOP;\n"
                      + "  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' LOOP\n"
                      + "    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.relname);\n"
                      + "  END LOOP;\n"
                      + "  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP\n"
                      + "    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.f);\n"
                      + "  END LOOP;\n"
                      + "END $$;";
            await using var drop = new NpgsqlCommand(sql, connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        return await UserObjectsAsync(connectionString, cancellationToken);
    }
}
