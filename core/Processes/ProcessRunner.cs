using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using CliWrap;

namespace Toolkit.Core.Processes;

/// <summary>
/// The one place the toolkit starts processes (git, dotnet, pg_dump, nginx, pulumi...), on CliWrap: arguments
/// one by one (never through a shell), output captured and optionally streamed line by line, and cancellation
/// in two stages (interrupt, then after the spec's grace period a kill of the whole process tree), which <see cref="TwoStageStop"/> owns.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="spec"/> to completion, capturing standard output and error.</summary>
    /// <exception cref="ProcessNotFoundException">The executable is not installed or not on PATH.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the process was stopped).</exception>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Command(spec, stdout, stderr)
            .WithStandardInputPipe(spec.StandardInput is null ? PipeSource.Null : PipeSource.FromString(spec.StandardInput, Utf8));
        return await ExecuteAsync(spec, command, stdout, stderr, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="producer"/> with its standard output fed into <paramref name="consumer"/>'s standard
    /// input, as <c>producer | consumer</c> with <c>pipefail</c> would, without a shell. When the consumer
    /// exits first (failed, or done reading) the producer is stopped, as SIGPIPE would stop it; both results are returned.
    /// </summary>
    /// <exception cref="ProcessNotFoundException">Either executable is not installed.</exception>
    public static async Task<PipelineResult> PipeAsync(ProcessSpec producer, ProcessSpec consumer, CancellationToken cancellationToken = default)
    {
        var pipe = new Pipe();
        var producerError = new StringBuilder();
        var consumerOutput = new StringBuilder();
        var consumerError = new StringBuilder();
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var producerCommand = Command(producer, null, producerError)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.ToStream(pipe.Writer.AsStream(leaveOpen: true)));
        var consumerCommand = Command(consumer, consumerOutput, consumerError)
            .WithStandardInputPipe(PipeSource.FromStream(pipe.Reader.AsStream(leaveOpen: true)));

        async Task<ProcessResult> RunProducer()
        {
            try { return await ExecuteAsync(producer, producerCommand, new StringBuilder(), producerError, stopProducer.Token); }
            finally { await pipe.Writer.CompleteAsync(); }
        }
        async Task<ProcessResult> RunConsumer()
        {
            try { return await ExecuteAsync(consumer, consumerCommand, consumerOutput, consumerError, cancellationToken); }
            finally { await pipe.Reader.CompleteAsync(); } // what the producer still writes is dropped, so it cannot block
        }

        var producing = RunProducer();
        var consuming = RunConsumer();
        ProcessResult consumed;
        try { consumed = await consuming; }
        catch
        {
            await stopProducer.CancelAsync(); // never leave the producer running behind an exception
            try { await producing; } catch (Exception e) when (e is OperationCanceledException or ProcessNotFoundException) { }
            throw;
        }
        // The consumer stopped reading: a producer that does not finish within its grace period is stopped, as
        // SIGPIPE would stop it in a shell (its output would go nowhere), and the pipeline fails.
        if (!producing.IsCompleted && (!consumed.Succeeded || await Task.WhenAny(producing, Task.Delay(producer.GracePeriod, cancellationToken)) != producing))
            await stopProducer.CancelAsync();
        ProcessResult produced;
        try { produced = await producing; }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            produced = new ProcessResult(-1, "", producerError + $"{producer.FileName} was stopped: {consumer.FileName} exited before reading all its output", TimeSpan.Zero, TimedOut: false);
        }
        return new PipelineResult(produced, consumed);
    }

    /// <summary>
    /// Starts <paramref name="spec"/> and returns at once with its pid, for callers that stop it themselves (tests that
    /// SIGKILL a command mid-run, servers a test stands up). The spec's timeout still applies.
    /// </summary>
    /// <exception cref="ProcessNotFoundException">The executable is not installed or not on PATH.</exception>
    public static RunningProcess Start(ProcessSpec spec)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Command(spec, stdout, stderr)
            .WithStandardInputPipe(spec.StandardInput is null ? PipeSource.Null : PipeSource.FromString(spec.StandardInput, Utf8));
        var stop = new TwoStageStop(spec);
        // CliWrap disposes its Process once the command ends; the exit code of a cancelled one is kept as it exits.
        int? exitCode = null;
        void Watch(Process p)
        {
            p.EnableRaisingEvents = true;
            p.Exited += (_, _) => { try { exitCode = p.ExitCode; } catch (InvalidOperationException) { } };
        }
        CommandTask<CommandResult> task;
        try { task = command.ExecuteAsync(_ => { }, Watch, stop.Forceful, stop.Graceful); }
        catch (System.ComponentModel.Win32Exception e)
        {
            stop.Dispose();
            throw new ProcessNotFoundException(spec.FileName, e);
        }

        var stopwatch = Stopwatch.StartNew();
        async Task<ProcessResult> Complete()
        {
            try
            {
                var result = await task;
                return new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed, TimedOut: false);
            }
            catch (OperationCanceledException)
            {
                // Interrupted or killed: the exit code is the process's own when it stopped by itself after SIGINT.
                return new ProcessResult(exitCode ?? -1, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed, stop.TimedOut);
            }
        }
        return new RunningProcess(task.ProcessId, Complete(), stop);
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

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static Command Command(ProcessSpec spec, StringBuilder? stdout, StringBuilder? stderr)
    {
        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(e => e.Key, e => e.Value))
            .WithValidation(CommandResultValidation.None);
        if (stdout is not null) command = command.WithStandardOutputPipe(Target(stdout, spec.OnOutputLine));
        if (stderr is not null) command = command.WithStandardErrorPipe(Target(stderr, spec.OnErrorLine));
        return command;
    }

    private static PipeTarget Target(StringBuilder buffer, Action<string>? onLine) =>
        onLine is null
            ? PipeTarget.ToStringBuilder(buffer, Utf8)
            : PipeTarget.Merge(PipeTarget.ToStringBuilder(buffer, Utf8), PipeTarget.ToDelegate(onLine, Utf8));

    private static async Task<ProcessResult> ExecuteAsync(ProcessSpec spec, Command command, StringBuilder stdout, StringBuilder stderr,
        CancellationToken cancellationToken)
    {
        using var stop = new TwoStageStop(spec, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await command.ExecuteAsync(stop.Forceful, stop.Graceful);
            return new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed, TimedOut: false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProcessNotFoundException(spec.FileName, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProcessResult(-1, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed, TimedOut: true);
        }
    }
}

/// <summary>What both ends of a <see cref="ProcessRunner.PipeAsync"/> left (the producer's standard output went into the pipe).</summary>
public sealed record PipelineResult(ProcessResult Producer, ProcessResult Consumer)
{
    /// <summary>True when both processes succeeded (the <c>pipefail</c> rule).</summary>
    public bool Succeeded => Producer.Succeeded && Consumer.Succeeded;
}

/// <summary>Thrown when an executable cannot be started because it is not installed.</summary>
public sealed class ProcessNotFoundException(string fileName, Exception inner)
    : Exception($"'{fileName}' is not installed or not on PATH.", inner)
{
    /// <summary>The executable that was asked for.</summary>
    public string FileName { get; } = fileName;
}
