namespace Toolkit.Database;

/// <summary>Where the engine says what it is doing. Never given secrets.</summary>
public interface IScriptLog
{
    /// <summary>Progress.</summary>
    void Info(string message);

    /// <summary>Something a person should look at.</summary>
    void Warning(string message);

    /// <summary>A failure.</summary>
    void Error(string message);
}

/// <summary>A log that discards everything.</summary>
public sealed class NullScriptLog : IScriptLog
{
    /// <summary>The one instance.</summary>
    public static NullScriptLog Instance { get; } = new();

    /// <inheritdoc />
    public void Info(string message) { }

    /// <inheritdoc />
    public void Warning(string message) { }

    /// <inheritdoc />
    public void Error(string message) { }
}

/// <summary>A log that writes plain lines to a writer (stderr in the CLI).</summary>
public sealed class TextWriterScriptLog(TextWriter writer) : IScriptLog
{
    /// <inheritdoc />
    public void Info(string message) => writer.WriteLine(message);

    /// <inheritdoc />
    public void Warning(string message) => writer.WriteLine("warning: " + message);

    /// <inheritdoc />
    public void Error(string message) => writer.WriteLine("error: " + message);
}
