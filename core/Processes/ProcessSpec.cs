namespace Toolkit.Core.Processes;

/// <summary>
/// An immutable description of a process to run: executable, arguments, working directory,
/// environment and standard input. Build one with <see cref="ProcessSpec.For"/> and the <c>With*</c> methods.
/// </summary>
public sealed record ProcessSpec
{
    private ProcessSpec(string fileName) => FileName = fileName;

    /// <summary>Executable name (looked up on PATH) or path.</summary>
    public string FileName { get; init; }

    /// <summary>Arguments, passed one by one (never through a shell).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Working directory, or null for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables to set (a null value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to standard input, then closed; null leaves standard input empty.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Kill the process tree after this long; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How long a cancelled or timed-out process gets to stop after its interrupt signal (SIGINT, so tools
    /// such as pulumi and pg_restore can clean up) before its whole process tree is killed.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives each line of standard output as it is written (output is captured as well); null only captures.</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>Receives each line of standard error as it is written (captured as well); null only captures.</summary>
    public Action<string>? OnErrorLine { get; init; }

    /// <summary>Starts a spec for <paramref name="fileName"/>.</summary>
    public static ProcessSpec For(string fileName) => new(fileName);

    /// <summary>Returns a copy with these arguments.</summary>
    public ProcessSpec WithArguments(params string[] arguments) => this with { Arguments = arguments };

    /// <summary>Returns a copy that runs in <paramref name="directory"/>.</summary>
    public ProcessSpec WithWorkingDirectory(string directory) => this with { WorkingDirectory = directory };

    /// <summary>Returns a copy with one more environment variable.</summary>
    public ProcessSpec WithEnvironment(string name, string? value) =>
        this with { Environment = new Dictionary<string, string?>(Environment) { [name] = value } };

    /// <summary>Returns a copy that feeds <paramref name="input"/> to standard input.</summary>
    public ProcessSpec WithStandardInput(string input) => this with { StandardInput = input };

    /// <summary>Returns a copy that is killed after <paramref name="timeout"/>.</summary>
    public ProcessSpec WithTimeout(TimeSpan timeout) => this with { Timeout = timeout };

    /// <summary>Returns a copy that gets <paramref name="gracePeriod"/> between interrupt and kill when cancelled.</summary>
    public ProcessSpec WithGracePeriod(TimeSpan gracePeriod) => this with { GracePeriod = gracePeriod };

    /// <summary>Returns a copy that streams its output, line by line, to these callbacks while it runs.</summary>
    public ProcessSpec WithOutputLines(Action<string> onOutputLine, Action<string>? onErrorLine = null) =>
        this with { OnOutputLine = onOutputLine, OnErrorLine = onErrorLine };

    /// <summary>The command line as a person would type it, for messages (arguments quoted where needed).</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
}
