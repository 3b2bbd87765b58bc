using Npgsql;

namespace App;

public static class Reports
{
    public const string Fallback = "Host=ep-quiet-sea-1.us-east-2.aws.neon.tech;Database=saas";

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM tenants");
        await command.PrepareAsync();
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
