using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration;

/// <summary>
/// Reads a <c>toolkit.yaml</c> into a <see cref="ToolkitConfig"/> with a filled <see cref="SourceMap"/>.
/// Structural and schema-level errors (malformed YAML, unknown keys, unknown options, invalid regions,
/// names that are not DNS-safe, duplicate tenants...) are all collected and thrown together as one
/// <see cref="DiagnosticException"/>, each located <c>FILE:LINE:COL</c>. Compatibility rules are not run
/// here: see <see cref="ConfigValidator"/>.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads and checks the file at <paramref name="path"/>; the diagnostics name it as given.</summary>
    /// <exception cref="DiagnosticException">The file is missing, unreadable or has errors (all of them).</exception>
    public static ToolkitConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new DiagnosticException(Diagnostic.Error(ConfigErrorCodes.FileNotReadable, $"cannot read config '{path}': {reason}", new SourceLocation(path, 1, 1)));
        }
        return Parse(text, path);
    }

    /// <summary>Reads and checks <paramref name="yaml"/>; <paramref name="fileName"/> is the name diagnostics print.</summary>
    /// <exception cref="DiagnosticException">The text has errors (all of them, in file order).</exception>
    public static ToolkitConfig Parse(string yaml, string fileName)
    {
        var (config, diagnostics) = TryParse(yaml, fileName);
        if (diagnostics.Count > 0 || config is null) throw new DiagnosticException(diagnostics);
        return config;
    }

    /// <summary>
    /// Reads <paramref name="yaml"/> without throwing: the config (null when the YAML itself is unusable)
    /// and every error found, sorted by position.
    /// </summary>
    public static (ToolkitConfig? Config, IReadOnlyList<Diagnostic> Errors) TryParse(string yaml, string fileName)
    {
        var context = new ReadContext(fileName);
        YamlNode? root;
        TrackingParser? parser = null;
        try
        {
            var stream = new YamlStream();
            parser = new TrackingParser(new Parser(new StringReader(yaml)));
            stream.Load(parser);
            if (stream.Documents.Count > 1)
            {
                context.Error(ConfigErrorCodes.MalformedYaml, "the file holds more than one YAML document; a config is a single document", stream.Documents[1].RootNode, "");
                return (null, context.Diagnostics);
            }
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            return (null, [Malformed(e, fileName, yaml)]);
        }
        catch (InvalidOperationException e) when (parser is not null)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unterminated flow collections.
            var at = parser.LastGood;
            return (null, [Diagnostic.Error(ConfigErrorCodes.MalformedYaml, $"malformed YAML: the text after this point cannot be parsed ({e.GetType().Name}; an unclosed '[' or '{{'?)",
                new SourceLocation(fileName, checked((int)at.Line), checked((int)at.Column)))]);
        }
        if (root is null || ReadContext.IsNull(root))
            return (null, [Diagnostic.Error(ConfigErrorCodes.MissingKey, "the config is empty; run 'toolkit init' to write a starter config", new SourceLocation(fileName, 1, 1))]);
        if (root is not YamlMappingNode)
            return (null, [Diagnostic.Error(ConfigErrorCodes.InvalidValue, $"the config must be a mapping of keys (version, project, ...), not a {MappingReader.Kind(root)}", context.At(root))]);

        var config = new ConfigParser(context).Read(root);
        foreach (var finding in ConfigChecks.Run(config))
            if (!AlreadyReported(context.FailedPaths, finding.Path)) context.Diagnostics.Add(finding.Diagnostic);
        var sorted = context.Diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location?.Line ?? 0).ThenBy(x => x.d.Location?.Column ?? 0).ThenBy(x => x.i)
            .Select(x => x.d).ToList();
        return (config, sorted);
    }

    /// <summary>Remembers where the last event that parsed ended, to locate errors the scanner reports without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current) LastGood = current.End;
            return inner.MoveNext();
        }
    }

    private static Diagnostic Malformed(YamlException e, string fileName, string yaml)
    {
        var location = new SourceLocation(fileName, checked((int)e.Start.Line), checked((int)e.Start.Column));
        var inner = e.InnerException?.Message;
        var message = e.Message;
        if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || (inner?.Contains("same key", StringComparison.OrdinalIgnoreCase) ?? false))
            return Diagnostic.Error(ConfigErrorCodes.DuplicateKey, $"key '{KeyAt(yaml, location)}' appears twice in the same mapping; keep one", location);
        return Diagnostic.Error(ConfigErrorCodes.MalformedYaml, $"malformed YAML: {Trim(message)}", location);
    }

    /// <summary>The key text starting at <paramref name="at"/> (up to its ':').</summary>
    private static string KeyAt(string yaml, SourceLocation at)
    {
        var lines = yaml.Split('\n');
        if (at.Line < 1 || at.Line > lines.Length) return "?";
        var line = lines[at.Line - 1];
        var start = Math.Clamp(at.Column - 1, 0, line.Length);
        var colon = line.IndexOf(':', start);
        return (colon < 0 ? line[start..] : line[start..colon]).Trim().Trim('"', '\'');
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the location is printed already.
    private static string Trim(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private static bool AlreadyReported(HashSet<string> failed, string path)
    {
        for (var p = path; p.Length > 0;)
        {
            if (failed.Contains(p)) return true;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? "" : p[..cut];
        }
        return false;
    }
}
