using Toolkit.Testing;

namespace Toolkit.Database.Tests.Fixtures;

public sealed class PostgresServerSpecs(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact(Timeout = 120_000)]
    public async Task I_can_start_a_real_server_and_reach_it_with_a_password_over_loopback()
    {
        var version = (string?)await server.ScalarAsync("SHOW server_version");
        Assert.StartsWith("15", version);

        var connection = await server.CreateDatabaseAsync("smoke");
        Assert.Contains($"Port={server.Port}", connection);
        Assert.Equal(1, await server.ScalarAsync("SELECT 1", "smoke"));
    }
}
