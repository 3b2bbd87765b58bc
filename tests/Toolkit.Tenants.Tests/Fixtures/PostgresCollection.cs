using Toolkit.Testing;

namespace Toolkit.Tenants.Tests.Fixtures;

/// <summary>One real PostgreSQL server for every spec of this project.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
