using Npgsql;

namespace Toolkit.Tenants.Data;

/// <summary>One table holding a tenant's rows: where it is and its stored columns (generated ones are left to the server).</summary>
public sealed record TenantTable(string Schema, string Name, IReadOnlyList<string> Columns)
{
    /// <summary><c>"schema"."name"</c>.</summary>
    public string Qualified => $"{Sql.Id(Schema)}.{Sql.Id(Name)}";

    /// <summary>The column list for COPY.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(Sql.Id));
}

/// <summary>Finds the tables of a tenant's place, parents before children (foreign keys), the journal left out.</summary>
public static class TenantTables
{
    /// <summary>The tables of <paramref name="schema"/>; under rls only those with a <c>tenant_id</c> column.</summary>
    public static async Task<IReadOnlyList<TenantTable>> ListAsync(NpgsqlConnection connection, string schema, bool rls, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum),
                   bool_or(a.attname = 'tenant_id'),
                   coalesce((SELECT array_agg(DISTINCT p.relname::text) FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
                             WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid AND p.relnamespace = c.relnamespace), '{}')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND c.relname <> 'toolkit_journal' AND NOT c.relispartition
            GROUP BY c.oid, c.relname
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        var tables = new SortedDictionary<string, (TenantTable Table, string[] Parents)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (!rls || reader.GetBoolean(2))
                    tables[reader.GetString(0)] = (new TenantTable(schema, reader.GetString(0), reader.GetFieldValue<string[]>(1)), reader.GetFieldValue<string[]>(3));
        var ordered = new List<TenantTable>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name, HashSet<string> path)
        {
            if (done.Contains(name) || !tables.TryGetValue(name, out var entry) || !path.Add(name)) return;
            foreach (var parent in entry.Parents.Order(StringComparer.Ordinal)) Visit(parent, path);
            if (done.Add(name)) ordered.Add(entry.Table);
        }
        foreach (var name in tables.Keys) Visit(name, []);
        return ordered;
    }
}
