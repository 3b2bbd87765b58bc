using System.IO.Compression;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// The provider schemas synth validates against, by package name. <see cref="Embedded"/> is the whole schema of
/// every provider the stacks target, shipped gzipped inside the assembly (refresh with
/// <c>scripts/refresh-schemas.sh</c>); <see cref="FromDirectory"/> reads schema files given with <c>--schemas DIR</c>.
/// A package is read the first time it is asked for, and its resources and types on first lookup.
/// </summary>
public sealed class SchemaSet
{
    private const string EmbeddedPrefix = "Toolkit.Stacks.Schemas.Embedded.";
    private const string EmbeddedSuffix = ".schema.json.gz";
    private static readonly Lazy<SchemaSet> LazyEmbedded = new(LoadEmbedded);
    private readonly SortedDictionary<string, Lazy<PackageSchema>> _packages;

    /// <summary>A set of <paramref name="packages"/> (a later package of the same name wins).</summary>
    public SchemaSet(IEnumerable<PackageSchema> packages)
    {
        _packages = new SortedDictionary<string, Lazy<PackageSchema>>(StringComparer.Ordinal);
        foreach (var p in packages) _packages[p.Name] = new Lazy<PackageSchema>(p);
    }

    private SchemaSet(SortedDictionary<string, Lazy<PackageSchema>> packages) => _packages = packages;

    /// <summary>The embedded provider schemas (each read once per process, when first used).</summary>
    public static SchemaSet Embedded => LazyEmbedded.Value;

    /// <summary>Every schema file in <paramref name="directory"/>.</summary>
    public static SchemaSet FromDirectory(string directory) => new(SchemaReader.ReadDirectory(directory));

    /// <summary>Package names, sorted.</summary>
    public IReadOnlyList<string> Packages => _packages.Keys.ToList();

    /// <summary>The package named <paramref name="name"/>, or null.</summary>
    public PackageSchema? Package(string name) => _packages.TryGetValue(name, out var package) ? package.Value : null;

    private static SchemaSet LoadEmbedded()
    {
        var assembly = typeof(SchemaSet).Assembly;
        var packages = new SortedDictionary<string, Lazy<PackageSchema>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal)))
        {
            var name = resource[EmbeddedPrefix.Length..^EmbeddedSuffix.Length];
            packages[name] = new Lazy<PackageSchema>(() =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var unzipped = new GZipStream(stream, CompressionMode.Decompress);
                return SchemaReader.Read(unzipped, "embedded:" + resource[EmbeddedPrefix.Length..]);
            });
        }
        return new SchemaSet(packages);
    }
}
