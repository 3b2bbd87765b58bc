namespace Toolkit.Tenants.Onboarding;

/// <summary>
/// One step of the onboarding workflow, as data: its id, the steps it needs finished first, how long one
/// attempt may take, how many times a failed attempt is retried, and whether its failure stops the run
/// (a step that is not required records its failure as a warning and the run goes on).
/// </summary>
public sealed record OnboardingStep(string Id, IReadOnlyList<string> DependsOn, TimeSpan Timeout, int Retries, bool Required, string Description);

/// <summary>The onboarding workflow: a DAG of steps, checked (unknown dependencies, cycles) and run in a stable topological order.</summary>
public sealed record OnboardingWorkflow(IReadOnlyList<OnboardingStep> Steps)
{
    /// <summary>The standard workflow: validate, config, role, place, synth, verify, connection.</summary>
    public static OnboardingWorkflow Default { get; } = new(
    [
        new("validate", [], TimeSpan.FromSeconds(30), 0, true, "check the request: slug, name, subdomain and domain valid and not taken"),
        new("config", ["validate"], TimeSpan.FromSeconds(30), 1, true, "add the tenant to toolkit.yaml, comments and formatting kept"),
        new("role", ["config"], TimeSpan.FromMinutes(1), 2, true, "create the tenant's login role and registry entry"),
        new("place", ["role"], TimeSpan.FromMinutes(10), 2, true, "build its rls access, schema or database and apply every pending script"),
        new("synth", ["config"], TimeSpan.FromMinutes(2), 0, false, "synthesize the stacks: the tenant's DNS record and certificate are in each program"),
        new("verify", ["place"], TimeSpan.FromMinutes(2), 1, true, "attack the tenant's isolation from its own connection and a neighbour's"),
        new("connection", ["verify", "synth"], TimeSpan.FromSeconds(30), 1, true, "work out the tenant's connection string"),
    ]);

    /// <summary>The steps in run order: each after its dependencies, ties in declaration order.</summary>
    public IReadOnlyList<OnboardingStep> Order()
    {
        var byId = new Dictionary<string, OnboardingStep>(StringComparer.Ordinal);
        foreach (var step in Steps)
            if (!byId.TryAdd(step.Id, step)) throw new InvalidOperationException($"onboarding step '{step.Id}' is declared twice");
        var ordered = new List<OnboardingStep>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(OnboardingStep step)
        {
            if (state.GetValueOrDefault(step.Id) == 2) return;
            if (state.GetValueOrDefault(step.Id) == 1) throw new InvalidOperationException($"onboarding steps form a cycle through '{step.Id}'");
            state[step.Id] = 1;
            foreach (var dependency in step.DependsOn)
                Visit(byId.GetValueOrDefault(dependency) ?? throw new InvalidOperationException($"onboarding step '{step.Id}' depends on unknown step '{dependency}'"));
            state[step.Id] = 2;
            ordered.Add(step);
        }
        foreach (var step in Steps) Visit(step);
        return ordered;
    }
}
