using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Onboarding;

/// <summary>The outcome of an onboarding run: the state as saved, and which steps this run did or skipped.</summary>
public sealed record OnboardingOutcome(OnboardingState State, IReadOnlyList<string> Ran, IReadOnlyList<string> Skipped, string? Connection);

/// <summary>One line of progress: a step starting, finishing, retrying, skipped or undone.</summary>
public sealed record OnboardingProgress(string Step, string Event, string? Detail);

/// <summary>
/// Runs the onboarding workflow for one request. The state is saved after every change of every step
/// (running, done, failed), so a killed run is resumed by running the same request again (finished steps are
/// skipped, an interrupted one is run again: actions are idempotent) or undone with <see cref="AbortAsync"/>,
/// which reverses every step that started, last first. An attempt that throws or outlives its timeout is
/// retried within the step's budget; then the run stops naming the step.
/// </summary>
public sealed class OnboardingRunner(TenantPlatform platform, OnboardingWorkflow? workflow = null, Action<OnboardingProgress>? progress = null)
{
    /// <summary>Environment variable (tests only): after step ID is saved as done, write the process id to <c>.toolkit/tenants/test-hook.pid</c> and wait, so a test can SIGKILL the real process there.</summary>
    public const string PauseAfterStep = "TOOLKIT_TEST_PAUSE_AFTER_STEP";

    private readonly OnboardingWorkflow _workflow = workflow ?? OnboardingWorkflow.Default;

    /// <summary>Onboards (or resumes onboarding) <paramref name="request"/>.</summary>
    public async Task<OnboardingOutcome> RunAsync(OnboardingRequest request, CancellationToken cancellationToken = default)
    {
        TenantNames.Create(request.Slug, request.Slug); // a hostile slug never reaches a path or SQL
        var path = platform.Paths.OnboardingState(request.Slug);
        var saved = OnboardingState.Load(path);
        // A finished onboarding asked for again with other inputs is a new request for a taken slug: validate says so.
        if (saved is not null && saved.Request != request && saved.Completed(_workflow)) saved = null;
        if (saved is not null && saved.Request != request)
            throw new DiagnosticException(Diagnostic.Error("tenant-onboard",
                $"an onboarding of '{request.Slug}' with other inputs ({Describe(saved.Request)}) is in progress: rerun it with the same inputs to resume, or pass --abort to undo it", new SourceLocation(path, 1, 1)));
        var actions = new OnboardingActions(platform, request);
        var state = saved ?? new OnboardingState(request, new SortedDictionary<string, StepRecord>(StringComparer.Ordinal));
        var ran = new List<string>();
        var skipped = new List<string>();
        foreach (var step in _workflow.Order())
        {
            if (state.Steps.TryGetValue(step.Id, out var record) && record.Status is StepStatus.Done or StepStatus.Warned)
            {
                skipped.Add(step.Id);
                progress?.Invoke(new(step.Id, "skipped", "finished by an earlier run"));
                continue;
            }
            var resuming = saved is not null;
            if (step.Id == "validate" && !resuming) await actions.CheckRegistryAsync(cancellationToken);
            var (ok, detail, attempts) = await AttemptAsync(step, actions, resuming, path, state, s => state = s, cancellationToken);
            ran.Add(step.Id);
            if (ok)
            {
                state = state.With(step.Id, new StepRecord(StepStatus.Done, attempts, detail, DateTimeOffset.UtcNow));
                if (step.Id == "connection") state = state with { Connection = actions.Connection };
                state.Save(path);
                progress?.Invoke(new(step.Id, "done", detail));
                PauseIfAsked(step.Id);
                continue;
            }
            if (!step.Required)
            {
                state = state.With(step.Id, new StepRecord(StepStatus.Warned, attempts, detail, DateTimeOffset.UtcNow));
                state.Save(path);
                progress?.Invoke(new(step.Id, "warning", detail));
                continue;
            }
            if (step.Id == "validate" && saved is null) throw new DiagnosticException(Diagnostic.Error("tenant-onboard", detail!)); // unreachable: bad input throws its own located errors
            state = state.With(step.Id, new StepRecord(StepStatus.Failed, attempts, detail, DateTimeOffset.UtcNow));
            state.Save(path);
            throw new DiagnosticException(Diagnostic.Error("tenant-onboard",
                $"onboarding of '{request.Slug}' stopped at step '{step.Id}' ({step.Description}) after {attempts} attempt{(attempts == 1 ? "" : "s")}: {detail}. " +
                "Fix the cause and rerun the same command to resume, or pass --abort to undo the finished steps", new SourceLocation(path, 1, 1)));
        }
        return new OnboardingOutcome(state, ran, skipped, state.Connection);
    }

    /// <summary>Undoes every step of the onboarding of <paramref name="slug"/> that started, last first, then forgets it.</summary>
    public async Task<IReadOnlyList<string>> AbortAsync(string slug, CancellationToken cancellationToken = default)
    {
        TenantNames.Create(slug, slug);
        var path = platform.Paths.OnboardingState(slug);
        var state = OnboardingState.Load(path)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-onboard", $"no onboarding of '{slug}' is in progress (no {path}): nothing to abort"));
        if (state.Completed(_workflow))
            throw new DiagnosticException(Diagnostic.Error("tenant-onboard", $"the onboarding of '{slug}' finished: offboard the tenant instead (toolkit tenants offboard {slug} --confirm {slug})", new SourceLocation(path, 1, 1)));
        var actions = new OnboardingActions(platform, state.Request);
        var undone = new List<string>();
        foreach (var step in _workflow.Order().Reverse())
        {
            if (!state.Steps.ContainsKey(step.Id)) continue;
            await actions.UndoAsync(step.Id, cancellationToken);
            undone.Add(step.Id);
            progress?.Invoke(new(step.Id, "undone", null));
        }
        File.Delete(path);
        return undone;
    }

    private async Task<(bool Ok, string? Detail, int Attempts)> AttemptAsync(OnboardingStep step, OnboardingActions actions, bool resuming, string path,
        OnboardingState state, Action<OnboardingState> update, CancellationToken cancellationToken)
    {
        string? last = null;
        for (var attempt = 1; attempt <= step.Retries + 1; attempt++)
        {
            if (step.Id != "validate")
            {
                // Saved before the step runs: a kill inside it leaves a record that --abort reverses.
                state = state.With(step.Id, new StepRecord(StepStatus.Running, attempt, last, DateTimeOffset.UtcNow));
                state.Save(path);
                update(state);
            }
            progress?.Invoke(new(step.Id, attempt == 1 ? "started" : $"retry {attempt - 1} of {step.Retries}", last));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(step.Timeout);
            try
            {
                return (true, await actions.RunAsync(step.Id, resuming, timeout.Token), attempt);
            }
            catch (DiagnosticException) when (step.Id == "validate")
            {
                throw; // bad input: located errors, nothing written
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = $"timed out after {step.Timeout.TotalSeconds:0}s";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e is DiagnosticException d ? string.Join("; ", d.Diagnostics.Select(x => x.Message)) : e.Message;
            }
            if (attempt <= step.Retries) await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
        return (false, last, step.Retries + 1);
    }

    private void PauseIfAsked(string id)
    {
        if (Environment.GetEnvironmentVariable(PauseAfterStep) != id) return;
        Directory.CreateDirectory(platform.Paths.Tenants);
        File.WriteAllText(Path.Combine(platform.Paths.Tenants, "test-hook.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Thread.Sleep(TimeSpan.FromMinutes(10));
    }

    private static string Describe(OnboardingRequest r) => $"--name '{r.Name}' --plan {r.Plan}" + (r.Subdomain is null ? "" : $" --subdomain {r.Subdomain}") + (r.CustomDomain is null ? "" : $" --custom-domain {r.CustomDomain}");
}
