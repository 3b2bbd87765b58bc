using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Configuration.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// Reads a price table (the shape of <c>stacks/Cost/prices.yaml</c>) with the config's strict YAML reader: unknown
/// keys, wrong kinds, a missing unit or source, a negative price, an unknown region or a duplicate item are all
/// reported together, each located <c>FILE:LINE:COL</c>, and nothing is priced from a table with errors.
/// </summary>
public static class PriceTableReader
{
    private static readonly string[] RootKeys = ["version", "hoursPerMonth", "regions", "items"];
    private static readonly string[] ItemKeys = ["id", "unit", "usd", "regions", "source", "asOf", "note", "freeQuantity", "derivedFrom"];

    /// <summary>Reads the table at <paramref name="path"/>.</summary>
    /// <exception cref="DiagnosticException">The file is missing or has errors (all of them).</exception>
    public static PriceTable Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new DiagnosticException(Diagnostic.Error(CostErrorCodes.PriceFileNotReadable, $"cannot read price table '{path}': {reason}", new SourceLocation(path, 1, 1)));
        }
        return Parse(text, path);
    }

    /// <summary>Reads <paramref name="yaml"/>; <paramref name="fileName"/> is the name diagnostics print.</summary>
    /// <exception cref="DiagnosticException">The text has errors (all of them, in file order).</exception>
    public static PriceTable Parse(string yaml, string fileName)
    {
        var context = new ReadContext(fileName);
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new DiagnosticException(Diagnostic.Error(CostErrorCodes.MalformedPriceFile, $"malformed YAML in the price table: {e.Message[(e.Message.LastIndexOf("): ", StringComparison.Ordinal) + 1)..].Trim(' ', ':')}",
                new SourceLocation(fileName, checked((int)e.Start.Line), checked((int)e.Start.Column))));
        }
        if (root is null || ReadContext.IsNull(root) || root is not YamlMappingNode)
            throw new DiagnosticException(Diagnostic.Error(CostErrorCodes.MalformedPriceFile, "a price table is a mapping with version, hoursPerMonth, regions and items", new SourceLocation(fileName, 1, 1)));

        var top = MappingReader.Open(context, root, "", RootKeys)!;
        var version = top.Text("version", required: true);
        if (version is { Length: > 0 } && version != "1")
            context.Error(CostErrorCodes.MalformedPriceFile, $"'version' must be 1, not '{version}'", top.Get("version")!, "version");
        var hours = top.Number("hoursPerMonth", 730, 1, 744);
        var catalogue = Catalogue.TechnologyCatalogue.Default.Regions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var regions = top.Texts("regions") ?? [];
        if (top.Get("regions") is null) top.Missing("regions");
        CheckRegions(context, top, "regions", regions, catalogue, allowGlobal: false);

        var seen = new HashSet<(string, string)>();
        var items = top.List("items", (node, path) =>
        {
            var item = MappingReader.Open(context, node, path, ItemKeys);
            if (item is null) return null;
            var id = item.Text("id", required: true)!;
            var unit = item.Text("unit", required: true)!;
            var source = item.Text("source", required: true)!;
            var asOf = item.Text("asOf", required: true)!;
            if (asOf.Length > 0 && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                context.Error(CostErrorCodes.MalformedPriceFile, $"'{path}.asOf' must be the date the price was read (YYYY-MM-DD), not '{asOf}'", item.Get("asOf")!, path + ".asOf");
            if (source.Length > 0 && source != "none" && !source.StartsWith("https://", StringComparison.Ordinal) && !source.StartsWith("http://", StringComparison.Ordinal))
                context.Error(CostErrorCodes.MalformedPriceFile, $"'{path}.source' must be the URL the price was read from, or 'none' when no page gave it, not '{source}'", item.Get("source")!, path + ".source");
            decimal? usd = item.Get("usd") is null ? null : (decimal)item.Number("usd", 0, 0, 1_000_000);
            var itemRegions = item.Texts("regions") ?? [];
            if (item.Get("regions") is null) item.Missing("regions");
            CheckRegions(context, item, "regions", itemRegions, catalogue, allowGlobal: true);
            foreach (var region in itemRegions)
                if (region != PriceTable.Global && catalogue.Contains(region) && !regions.Contains(region))
                    context.Error(CostErrorCodes.UnknownRegion, $"'{path}' is priced in '{region}', which the table's top-level 'regions' does not list ({string.Join(", ", regions)})",
                        item.Get("regions")!, path + ".regions");
                else if (!seen.Add((id, region)))
                    context.Error(CostErrorCodes.DuplicatePrice, $"'{id}' is priced twice in '{region}'; keep one entry", item.Get("id")!, path + ".id");
            return new PriceItem(id, unit, usd, itemRegions, source, asOf, item.Text("note", ""),
                (decimal)item.Number("freeQuantity", 0, 0, 1_000_000_000), item.Text("derivedFrom"));
        }) ?? [];
        if (top.Get("items") is null) top.Missing("items");
        if (context.Diagnostics.Count > 0) throw new DiagnosticException(context.Diagnostics.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList());
        return new PriceTable(fileName, (decimal)hours, regions, items);
    }

    private static void CheckRegions(ReadContext context, MappingReader reader, string key, List<string> regions, HashSet<string> catalogue, bool allowGlobal)
    {
        if (reader.Get(key) is not YamlSequenceNode sequence) return;
        for (var i = 0; i < regions.Count && i < sequence.Children.Count; i++)
        {
            var region = regions[i];
            if (catalogue.Contains(region) || (allowGlobal && region == PriceTable.Global)) continue;
            context.Error(CostErrorCodes.UnknownRegion,
                $"'{region}' is not an AWS region id{ClosestMatch.Hint(region, catalogue)}{(allowGlobal ? " (or 'global' for items without a region)" : "")}",
                sequence.Children[i], $"{reader.ChildPath(key)}[{i}]");
        }
    }
}
