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
    public static StackFile Merge(PulumiProgram program, string? existing, string existingPath)
    {
        var owned = program.Settings.ToDictionary(s => $"{program.ProjectName}:{s.Key}", s => (Value)new StringValue(s.Value), StringComparer.Ordinal);
        StackFile Fresh() => new(ProgramEmitter.StackFile(program), owned.Keys.ToHashSet(StringComparer.Ordinal));
        if (string.IsNullOrWhiteSpace(existing)) return Fresh();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(existing));
            if (stream.Documents.Count == 0) return Fresh();
            root = stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new DiagnosticException(Diagnostic.Error("TK-SYNTH-STACKFILE", $"'{existingPath}' is not a mapping; move it away or fix it.", new SourceLocation(existingPath, 1, 1)));
        }
        catch (YamlException e)
        {
            throw new DiagnosticException(Diagnostic.Error("TK-SYNTH-STACKFILE", $"'{existingPath}' is not valid YAML: {e.Message}",
                new SourceLocation(existingPath, (int)e.Start.Line, (int)e.Start.Column)));
        }

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
        return new StackFile(yaml.ToString(), config.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The config keys <paramref name="program"/> declares without a default that <paramref name="file"/> (the
    /// <c>Pulumi.STACK.yaml</c> as written) does not set either: what <c>pulumi up</c> would stop and ask for, in
    /// declaration order.
    /// </summary>
    public static IReadOnlyList<ConfigDeclaration> Unset(PulumiProgram program, StackFile file) =>
        program.Config.Where(c => c.Default is null && !file.ConfigKeys.Contains($"{program.ProjectName}:{c.Key}") && !file.ConfigKeys.Contains(c.Key)).ToList();

    private static Value Convert(YamlNode node) => node switch
    {
        YamlScalarNode s => new StringValue(s.Value ?? ""),
        YamlSequenceNode seq => new ListValue(seq.Children.Select(Convert).ToList()),
        YamlMappingNode map => new MapValue(map.Children.Select(kv => new KeyValuePair<string, Value>(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value))).ToList()),
        _ => new StringValue(""),
    };
}

/// <summary>A <c>Pulumi.STACK.yaml</c> as <see cref="StackSettingsFile.Merge"/> writes it: its text and the config keys it sets (<c>PROJECT:KEY</c>).</summary>
public sealed record StackFile(string Content, IReadOnlySet<string> ConfigKeys);
