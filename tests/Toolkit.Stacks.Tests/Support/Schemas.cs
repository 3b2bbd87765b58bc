using Toolkit.Stacks.Schemas;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Support;

/// <summary>Schema sets loaded once per test run (the full shared files take a moment to parse).</summary>
public static class Schemas
{
    private static readonly Lazy<SchemaSet> LazyShared = new(() => SchemaSet.FromDirectory(SharedDirectory));

    /// <summary><c>../shared/pulumi-schemas</c>.</summary>
    public static string SharedDirectory => Path.Combine(RepositoryRoot.Shared, "pulumi-schemas");

    /// <summary>The whole shared schema files.</summary>
    public static SchemaSet Shared => LazyShared.Value;
}
