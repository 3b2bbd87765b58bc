namespace Toolkit.Cli;

/// <summary>Exit codes every <c>toolkit</c> command uses, so CI can trust them.</summary>
public static class ExitCodes
{
    /// <summary>Done; nothing failed.</summary>
    public const int Ok = 0;

    /// <summary>Bad input, a failed check, or a failed analysis: the message says which.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>A tool the command needs (pulumi, nginx...) is not installed; the message says how to get it.</summary>
    public const int MissingTool = 3;

    /// <summary>Stopped on purpose in a state that needs a person (for example a one-way database migration).</summary>
    public const int Stopped = 4;
}
