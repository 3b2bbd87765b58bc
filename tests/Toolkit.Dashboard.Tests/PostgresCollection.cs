using Toolkit.Testing;

namespace Toolkit.Dashboard.Tests;

/// <summary>One real PostgreSQL server for the specs of this project that need a database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
