using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// Writes <c>Pulumi.STACK.yaml</c> over an existing one without losing what was set there by hand or by
/// tools: synth owns the keys it writes (values from toolkit.yaml); every other config key (traffic weights a
/// promotion set, Cloudflare ids, encrypted secrets) and every other top-level key (<c>encryptionsalt</c>,
/// <c>secretsprovider</c>) is kept as it was, sorted, so the result is stable.
/// </summary>
public static class StackSettingsFile
{
    /// <summary>
    /// The stack file for <paramref name="program"/>, keeping what <paramref name="existing"/> holds outside the
    /// toolkit's keys; <paramref name="existingPath"/> names the file in errors.
    /// </summary>
    public static string Merge(PulumiProgram program, string? existing, string existingPath)
    {
        if (string.IsNullOrWhiteSpace(existing)) return ProgramEmitter.StackFile(program);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(existing));
            if (stream.Documents.Count == 0) return ProgramEmitter.StackFile(program);
            root = stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new DiagnosticException(Diagnostic.Error("TK-SYNTH-STACKFILE", $"'{existingPath}' is not a mapping; move it away or fix it.", new SourceLocation(existingPath, 1, 1)));
        }
        catch (YamlException e)
        {
            throw new DiagnosticException(Diagnostic.Error("TK-SYNTH-STACKFILE", $"'{existingPath}' is not valid YAML: {e.Message}",
                new SourceLocation(existingPath, (int)e.Start.Line, (int)e.Start.Column)));
        }

        var owned = program.Settings.ToDictionary(s => $"{program.ProjectName}:{s.Key}", s => (Value)new StringValue(s.Value), StringComparer.Ordinal);
        var config = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (key, value) in owned) config[key] = value;
        var others = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (key == "config" && valueNode is YamlMappingNode values)
            {
                foreach (var (k, v) in values.Children)
                    if (((YamlScalarNode)k).Value is { } name && !owned.ContainsKey(name)) config[name] = Convert(v);
            }
            else others[key] = Convert(valueNode);
        }

        var yaml = new YamlWriter().Comment(ProgramEmitter.Header);
        foreach (var (key, value) in others) yaml.Entry(key, value);
        yaml.Entry("config", new MapValue(config.Select(kv => kv).ToList()));
        return yaml.ToString();
    }

    /// <summary>
    /// The config keys <paramref name="program"/> declares without a default that <paramref name="stackFile"/> (the
    /// <c>Pulumi.STACK.yaml</c> as written) does not set either: what <c>pulumi up</c> would stop and ask for, in
    /// declaration order.
    /// </summary>
    public static IReadOnlyList<ConfigDeclaration> Unset(PulumiProgram program, string stackFile)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(stackFile));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("config"), out var config) && config is YamlMappingNode values)
                foreach (var key in values.Children.Keys) if (((YamlScalarNode)key).Value is { } name) set.Add(name);
        }
        catch (YamlException) { } // the file was written by Merge; an unreadable one is reported there
        return program.Config.Where(c => c.Default is null && !set.Contains($"{program.ProjectName}:{c.Key}") && !set.Contains(c.Key)).ToList();
    }

    private static Value Convert(YamlNode node) => node switch
    {
        YamlScalarNode s => new StringValue(s.Value ?? ""),
        YamlSequenceNode seq => new ListValue(seq.Children.Select(Convert).ToList()),
        YamlMappingNode map => new MapValue(map.Children.Select(kv => new KeyValuePair<string, Value>(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value))).ToList()),
        _ => new StringValue(""),
    };
}
