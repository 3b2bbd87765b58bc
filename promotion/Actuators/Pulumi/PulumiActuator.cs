using System.Text.Json;
using Toolkit.Core.Processes;

namespace Toolkit.Promotion.Actuators.Pulumi;

/// <summary>
/// The <c>pulumi</c> target: writes the traffic weights of a split as stack config
/// (<c>pulumi config set</c>, which lands in <c>Pulumi.&lt;stack&gt;.yaml</c>), then runs <c>pulumi up --yes</c>.
/// Green endpoints come from the stack output <c>greenEndpoints</c>. Without the Pulumi CLI it refuses
/// before changing anything.
/// </summary>
/// <param name="projectDirectory">Directory holding <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c>.</param>
/// <param name="stack">Pulumi stack name.</param>
/// <param name="configFor">The config keys and values for a green percentage (the stacks' traffic weights), in the order to set them.</param>
/// <param name="greenOutput">Name of the stack output listing green's endpoints.</param>
/// <param name="output">Receives <c>pulumi up</c>'s output line by line while it runs (an update takes minutes); null only captures it.</param>
public sealed class PulumiActuator(string projectDirectory, string stack, Func<int, IReadOnlyList<KeyValuePair<string, string>>> configFor, string greenOutput,
    Action<string>? output = null) : IActuator
{
    /// <inheritdoc />
    public string Name => "pulumi";

    /// <inheritdoc />
    public Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        if (!ProcessRunner.IsOnPath("pulumi"))
            throw new MissingToolException("pulumi",
                "the pulumi target needs the Pulumi CLI, and 'pulumi' is not on PATH: install it (https://www.pulumi.com/docs/install/) " +
                "or try the promotion on this machine with --target local. No weight was changed.");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Uri>> GreenEndpointsAsync(CancellationToken cancellationToken)
    {
        var result = await PulumiAsync(cancellationToken, null, "stack", "output", "--json", "--stack", stack);
        return ParseEndpoints(result.StandardOutput, greenOutput);
    }

    /// <inheritdoc />
    public async Task SetWeightsAsync(TrafficSplit split, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in configFor(split.GreenPercent))
            await PulumiAsync(cancellationToken, null, "config", "set", "--stack", stack, key, value);
        await PulumiAsync(cancellationToken, output, "up", "--yes", "--skip-preview", "--stack", stack);
    }

    /// <summary>The URLs in output <paramref name="name"/> of <c>pulumi stack output --json</c> (pure).</summary>
    public static IReadOnlyList<Uri> ParseEndpoints(string stackOutputJson, string name)
    {
        using var document = JsonDocument.Parse(stackOutputJson);
        if (!document.RootElement.TryGetProperty(name, out var value))
            throw new InvalidOperationException($"the stack has no output '{name}'; synthesize it with the blue-green pattern and run 'pulumi up' first.");
        // An array of URLs, a map (region to URL, as the stacks emit it, read in key order) or one URL.
        List<string> texts = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            JsonValueKind.Object => value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value.GetString() ?? "").ToList(),
            _ => [value.GetString() ?? ""],
        };
        return texts.Select(t => new Uri(t.Contains("://", StringComparison.Ordinal) ? t : $"https://{t}/")).ToList();
    }

    private async Task<ProcessResult> PulumiAsync(CancellationToken cancellationToken, Action<string>? lines, params string[] arguments)
    {
        // A cancelled update gets SIGINT and 30 s to stop cleanly (pulumi then leaves no pending operations) before it is killed.
        var spec = ProcessSpec.For("pulumi").WithArguments(["--non-interactive", .. arguments]).WithWorkingDirectory(projectDirectory)
            .WithGracePeriod(TimeSpan.FromSeconds(30));
        if (lines is not null) spec = spec.WithOutputLines(lines, lines);
        var result = await ProcessRunner.RunAsync(spec, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"'{spec}' failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        return result;
    }
}
