using Npgsql;

namespace App;

public static class Db
{
    // Deployed hosts set DATABASE_URL; appsettings is for development.
    public static NpgsqlDataSource Open(string? fallback) =>
        NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("DATABASE_URL") ?? fallback!);
}
