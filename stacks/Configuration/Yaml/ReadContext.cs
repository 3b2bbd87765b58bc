using Toolkit.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

/// <summary>
/// State of one read of a YAML file: the diagnostics found so far, where every value was, and which
/// paths already failed (so later semantic checks don't report the same value twice).
/// </summary>
internal sealed class ReadContext(string file)
{
    public string File { get; } = file;

    public List<Diagnostic> Diagnostics { get; } = [];

    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    public HashSet<string> FailedPaths { get; } = new(StringComparer.Ordinal);

    public SourceLocation At(YamlNode node) => new(File, checked((int)node.Start.Line), checked((int)node.Start.Column));

    public void Record(string path, YamlNode node) => Locations[path] = At(node);

    public void Error(string code, string message, YamlNode node, string path)
    {
        Diagnostics.Add(Diagnostic.Error(code, message, At(node)));
        FailedPaths.Add(path);
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar: YAML's null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
