using Npgsql;

namespace SaasApp.Data;

/// <summary>A tenant as the API returns it.</summary>
public sealed record Tenant(Guid Id, string Name, string Plan);

/// <summary>Reads tenants from the PostgreSQL database.</summary>
public sealed class TenantRepository : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public TenantRepository(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Tenants")
            ?? throw new InvalidOperationException("ConnectionStrings:Tenants is not set.");
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT id, name, plan FROM tenants ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<Tenant>();
        while (await reader.ReadAsync(cancellationToken))
            tenants.Add(new Tenant(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        return tenants;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
