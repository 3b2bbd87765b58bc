using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Support;

/// <summary>Where the repository keeps its provider schemas (the embedded, gzipped whole files).</summary>
public static class Schemas
{
    /// <summary><c>stacks/Schemas/Embedded</c>: a directory <c>--schemas</c> reads as it is.</summary>
    public static string EmbeddedDirectory => RepositoryRoot.Combine("stacks", "Schemas", "Embedded");
}
