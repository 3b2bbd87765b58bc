using System.Diagnostics;
using System.Text;

namespace Toolkit.Core.Processes;

/// <summary>
/// The one place the toolkit starts processes (git, dotnet, pg_dump, nginx, pulumi...).
/// Small on purpose, so a served library such as CliWrap can replace it later.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="spec"/> to completion, capturing standard output and error.</summary>
    /// <exception cref="ProcessNotFoundException">The executable is not installed or not on PATH.</exception>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProcessNotFoundException(spec.FileName, e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (spec.StandardInput is not null) await process.StandardInput.WriteAsync(spec.StandardInput.AsMemory(), cancellationToken);
        process.StandardInput.Close();

        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellationToken.IsCancellationRequested) throw;
            timedOut = true;
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed, timedOut);
    }

    /// <summary>True when <paramref name="fileName"/> resolves to an executable on PATH (or is an existing path).</summary>
    public static bool IsOnPath(string fileName) => FindOnPath(fileName) is not null;

    /// <summary>The full path <paramref name="fileName"/> resolves to on PATH, or null.</summary>
    public static string? FindOnPath(string fileName)
    {
        if (fileName.Contains(Path.DirectorySeparatorChar)) return File.Exists(fileName) ? fileName : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, fileName))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Thrown when an executable cannot be started because it is not installed.</summary>
public sealed class ProcessNotFoundException(string fileName, Exception inner)
    : Exception($"'{fileName}' is not installed or not on PATH.", inner)
{
    /// <summary>The executable that was asked for.</summary>
    public string FileName { get; } = fileName;
}
