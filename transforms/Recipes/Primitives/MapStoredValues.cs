using System.Text;
using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>
/// Maps values an app keeps in its PostgreSQL database (a model id per tenant, say) through a table,
/// as a database script with an exact down script: the up script keeps every row's old value in a side
/// table before it changes it, and the down script puts those values back and drops the side table.
/// The columns come from a swap option, since only the app's owner knows where such values live; when
/// the option is not given the recipe adds nothing.
/// </summary>
public sealed partial class MapStoredValues : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.MapStoredValues";
    private readonly string _columnsOption;
    private readonly string _script;
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Configures the recipe from its options.</summary>
    public MapStoredValues(RecipeArguments arguments)
    {
        _columnsOption = arguments.Required("columnsOption");
        _script = arguments.Required("script");
        if (!ScriptPattern().IsMatch(_script))
            throw new RecipeException($"{RecipeName}: option 'script' must look like 0001_label (digits, underscore, lower-case letters, digits or underscores), not '{_script}'.");
        _values = arguments.Map("values");
        if (_values.Count == 0) throw new RecipeException($"{RecipeName}: option 'values' needs at least one mapping.");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Map values stored in database columns";

    /// <inheritdoc/>
    public string Description =>
        "Adds a database script that maps the values of the columns named by a swap option through a table of old to new values. " +
        "The up script keeps each changed row's old value in a side table; the down script restores them exactly and drops it.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("columnsOption", "The swap option whose value lists the columns, as [schema.]table.column separated by commas.", "anthropic.modelColumns"),
        new("script", "Name of the script, without .sql: a number, an underscore and a label.", "0001_anthropic_model_ids"),
        new("values", "Map of old value to new value.", "gpt-4o-mini=claude-haiku-4-5,gpt-4o=claude-sonnet-4-5"),
    ];

    /// <inheritdoc/>
    /// <exception cref="DiagnosticException">The option names something that is not a column.</exception>
    public void Run(SourceSet sources)
    {
        if (sources.Options.GetValueOrDefault(_columnsOption) is not { } given) return;
        var columns = Columns(given);
        if (columns.Count == 0) return;
        var backup = "toolkit_swap_backup_" + _script[(_script.IndexOf('_') + 1)..];
        sources.AddDatabaseScript(new SwapDatabaseScript(_script + ".sql", Up(columns, backup), Down(columns, backup), MigratesData: true));
    }

    private IReadOnlyList<Column> Columns(string given)
    {
        var columns = new List<Column>();
        foreach (var entry in given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ColumnPattern().IsMatch(entry))
                throw new DiagnosticException(Diagnostic.Error("TK-SWAP-003",
                    $"option '{_columnsOption}': '{entry}' is not a column; write [schema.]table.column in lower case (letters, digits, underscores), several separated by commas."));
            var parts = entry.Split('.');
            var column = parts.Length == 3 ? new Column(parts[0], parts[1], parts[2]) : new Column("public", parts[0], parts[1]);
            if (!columns.Contains(column)) columns.Add(column);
        }
        return columns;
    }

    private string Up(IReadOnlyList<Column> columns, string backup)
    {
        var sql = new StringBuilder();
        sql.Append($"-- {RecipeName}: maps stored values in {string.Join(", ", columns)}.\n");
        sql.Append($"-- Each changed row's old value is kept in {backup}, so the down script restores it exactly.\n");
        sql.Append($"CREATE TABLE {backup} (\n    table_name text NOT NULL,\n    column_name text NOT NULL,\n    row_rest jsonb NOT NULL,\n    old_value text NOT NULL,\n    new_value text NOT NULL\n);\n");
        foreach (var column in columns)
        {
            // A row is found again by everything but the mapped column (the primary key among it).
            sql.Append($"\nINSERT INTO {backup} (table_name, column_name, row_rest, old_value, new_value)\n");
            sql.Append($"SELECT {Literal(column.QualifiedName)}, {Literal(column.Name)}, to_jsonb(t) - {Literal(column.Name)}, t.{Quote(column.Name)}, m.new_value\n");
            sql.Append($"  FROM {column.QualifiedTable} t\n  JOIN (VALUES\n");
            sql.Append(string.Join(",\n", _values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"    ({Literal(v.Key)}, {Literal(v.Value)})")));
            sql.Append($"\n  ) AS m (old_value, new_value) ON t.{Quote(column.Name)} = m.old_value;\n");
        }
        sql.Append($"""

            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM {backup} GROUP BY table_name, column_name, row_rest, new_value HAVING count(DISTINCT old_value) > 1) THEN
                    RAISE EXCEPTION 'rows that differ only in a mapped column could not be told apart again; give the table a primary key';
                END IF;
            END $$;

            """);
        foreach (var column in columns) AppendUpdate(sql.Append('\n'), column, backup, from: "old_value", to: "new_value");
        return sql.ToString();
    }

    private static string Down(IReadOnlyList<Column> columns, string backup)
    {
        var sql = new StringBuilder();
        sql.Append($"-- Puts back the values {backup} kept, then drops it.\n");
        foreach (var column in columns) AppendUpdate(sql, column, backup, from: "new_value", to: "old_value");
        sql.Append($"DROP TABLE {backup};\n");
        return sql.ToString();
    }

    // Up and down are the same update in opposite directions: rows holding `from` get `to`, found by the rest of the row.
    private static void AppendUpdate(StringBuilder sql, Column column, string backup, string from, string to)
    {
        sql.Append($"UPDATE {column.QualifiedTable} t SET {Quote(column.Name)} = b.{to}\n  FROM {backup} b\n");
        sql.Append($" WHERE b.table_name = {Literal(column.QualifiedName)} AND b.column_name = {Literal(column.Name)}\n");
        sql.Append($"   AND t.{Quote(column.Name)} = b.{from} AND to_jsonb(t) - {Literal(column.Name)} = b.row_rest;\n");
    }

    private static string Quote(string identifier) => $"\"{identifier}\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed record Column(string Schema, string Table, string Name)
    {
        public string QualifiedTable => $"{Quote(Schema)}.{Quote(Table)}";

        public string QualifiedName => $"{Schema}.{Table}";

        public override string ToString() => $"{Schema}.{Table}.{Name}";
    }

    [GeneratedRegex("^[0-9]{1,9}_[a-z0-9][a-z0-9_]*$")]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*){1,2}$")]
    private static partial Regex ColumnPattern();
}
