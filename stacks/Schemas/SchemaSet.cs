using System.IO.Compression;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// The provider schemas synth validates against, by package name. <see cref="Embedded"/> is the subset the
/// stacks use, shipped inside the assembly (refresh with <c>scripts/refresh-schemas.sh</c>);
/// <see cref="FromDirectory"/> reads whole schema files (<c>--schemas DIR</c>).
/// </summary>
public sealed class SchemaSet
{
    private const string EmbeddedPrefix = "Toolkit.Stacks.Schemas.Embedded.";
    private static readonly Lazy<SchemaSet> LazyEmbedded = new(LoadEmbedded);
    private readonly Dictionary<string, PackageSchema> _packages;

    /// <summary>A set of <paramref name="packages"/> (a later package of the same name wins).</summary>
    public SchemaSet(IEnumerable<PackageSchema> packages)
    {
        _packages = new Dictionary<string, PackageSchema>(StringComparer.Ordinal);
        foreach (var p in packages) _packages[p.Name] = p;
    }

    /// <summary>The embedded subset (loaded once per process).</summary>
    public static SchemaSet Embedded => LazyEmbedded.Value;

    /// <summary>Every schema file in <paramref name="directory"/>.</summary>
    public static SchemaSet FromDirectory(string directory) => new(SchemaReader.ReadDirectory(directory));

    /// <summary>Package names, sorted.</summary>
    public IReadOnlyList<string> Packages => _packages.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The package named <paramref name="name"/>, or null.</summary>
    public PackageSchema? Package(string name) => _packages.GetValueOrDefault(name);

    private static SchemaSet LoadEmbedded()
    {
        var assembly = typeof(SchemaSet).Assembly;
        var packages = new List<PackageSchema>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var unzipped = new GZipStream(stream, CompressionMode.Decompress);
            packages.Add(SchemaReader.Read(unzipped, "embedded:" + name[EmbeddedPrefix.Length..]));
        }
        return new SchemaSet(packages);
    }
}
