using System.Security.Cryptography;
using System.Text;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Dashboard.Panels;

/// <summary>One stack's synthesis (with the compliance policy, as the CLI runs it), or why it failed.</summary>
public sealed record StackSynthesis(StackConfig Stack, SynthesisContext Context, SynthResult Result);

/// <summary>
/// The config as it is on disk now, and each stack synthesized from it. Re-read on every request, but the syntheses
/// are cached by the config's bytes, so an unchanged file costs one read and one hash.
/// </summary>
public sealed class PlatformSnapshot(string configPath)
{
    private readonly Lock _gate = new();
    private string? _hash;
    private (ToolkitConfig? Config, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<StackSynthesis> Stacks) _cached;

    /// <summary>The config file (full path).</summary>
    public string ConfigPath { get; } = Path.GetFullPath(configPath);

    /// <summary>The directory the config lives in (promotion state is beside it).</summary>
    public string Directory => Path.GetDirectoryName(ConfigPath)!;

    /// <summary>The config and its stacks, or the errors that stop reading it.</summary>
    public (ToolkitConfig? Config, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<StackSynthesis> Stacks) Current()
    {
        string text;
        try { text = File.ReadAllText(ConfigPath); }
        catch (IOException e) { return (null, [Diagnostic.Error(ConfigErrorCodes.FileNotReadable, e.Message, new SourceLocation(ConfigPath, 1, 1))], []); }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        lock (_gate)
        {
            if (hash == _hash) return _cached;
            var (config, errors) = ConfigLoader.TryParse(text, ConfigPath);
            var stacks = new List<StackSynthesis>();
            if (config is not null && errors.Count == 0)
            {
                var synthesizer = new StackSynthesizer(Stacks.Schemas.SchemaSet.Embedded, [new Compliance.Evaluation.CompliancePolicy()]);
                foreach (var stack in config.Stacks)
                {
                    var context = SynthesisContext.For(config, stack);
                    stacks.Add(new StackSynthesis(stack, context, synthesizer.Synthesize(context)));
                }
            }
            _hash = hash;
            _cached = (errors.Count == 0 ? config : null, errors, stacks);
            return _cached;
        }
    }
}
