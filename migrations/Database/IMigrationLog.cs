namespace Toolkit.Migrations.Database;

/// <summary>Where the engine says what it is doing. Never given secrets.</summary>
public interface IMigrationLog
{
    /// <summary>Progress.</summary>
    void Info(string message);

    /// <summary>Something a person should look at.</summary>
    void Warning(string message);

    /// <summary>A failure.</summary>
    void Error(string message);
}

/// <summary>A log that discards everything.</summary>
public sealed class NullMigrationLog : IMigrationLog
{
    /// <summary>The one instance.</summary>
    public static NullMigrationLog Instance { get; } = new();

    /// <inheritdoc />
    public void Info(string message) { }

    /// <inheritdoc />
    public void Warning(string message) { }

    /// <inheritdoc />
    public void Error(string message) { }
}

/// <summary>A log that writes plain lines to a writer (stderr in the CLI).</summary>
public sealed class TextWriterMigrationLog(TextWriter writer) : IMigrationLog
{
    /// <inheritdoc />
    public void Info(string message) => writer.WriteLine(message);

    /// <inheritdoc />
    public void Warning(string message) => writer.WriteLine("warning: " + message);

    /// <inheritdoc />
    public void Error(string message) => writer.WriteLine("error: " + message);
}
