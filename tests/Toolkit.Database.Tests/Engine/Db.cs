using System.Data.Common;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Tests.Engine;

/// <summary>Small helpers to look into a database from a test, on either engine.</summary>
internal static class Db
{
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await DatabaseEngines.FromConnectionString(connectionString).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task<long> CountAsync(string connectionString, string sql) => Convert.ToInt64(await ScalarAsync(connectionString, sql));

    public static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = await DatabaseEngines.FromConnectionString(connectionString).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0))!);
        return values;
    }

    public static async Task<bool> TableExistsAsync(string connectionString, string table) =>
        DatabaseEngines.IsSqlite(connectionString)
            ? await CountAsync(connectionString, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") == 1
            : await ScalarAsync(connectionString, $"SELECT to_regclass('{table}')::text") is not null;
}
