namespace Toolkit.Core.Processes;

/// <summary>What a finished process left: exit code, captured output and how long it ran.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration, bool TimedOut)
{
    /// <summary>True when the process exited with code 0 and was not killed for time.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
