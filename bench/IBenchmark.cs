namespace Toolkit.Bench;

/// <summary>
/// One named benchmark. Each measures the toolkit against a baseline run in the same process or
/// script and prints ratios; figures are recorded in docs/benchmarks.md.
/// </summary>
public interface IBenchmark
{
    /// <summary>Name used on the command line (for example <c>synth</c>).</summary>
    string Name { get; }

    /// <summary>One line saying what is measured against what.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark with the remaining arguments; returns a process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
