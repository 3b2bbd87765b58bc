namespace Toolkit.Transforms.Sources;

/// <summary>
/// How work over an app's files runs in parallel: one worker per core. Binding a file can take long enough
/// that the thread pool, unbounded, adds workers that only time-slice the same cores (and contend for the
/// compilation's shared caches), which made a plan on a busy machine tens of times slower than its parse.
/// </summary>
internal static class AllCores
{
    /// <summary>Options for <see cref="Parallel"/>: at most one worker per core.</summary>
    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
