using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Synthesis;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Onboarding;

/// <summary>
/// What each step of <see cref="OnboardingWorkflow.Default"/> does and how it is undone. Every action is
/// idempotent (it may run again after a kill in the middle of it) and returns a short note for the state.
/// </summary>
public sealed partial class OnboardingActions(TenantPlatform platform, OnboardingRequest request)
{
    private TenantNames Names => TenantNames.Create(request.Slug, request.Slug);

    /// <summary>The connection string the last run of the <c>connection</c> step produced.</summary>
    public string? Connection { get; private set; }

    /// <summary>Runs step <paramref name="id"/>.</summary>
    public Task<string> RunAsync(string id, bool resuming, CancellationToken cancellationToken) => id switch
    {
        "validate" => Task.FromResult(Validate(resuming)),
        "config" => Task.FromResult(AddToConfig()),
        "role" => RoleAsync(cancellationToken),
        "place" => PlaceAsync(cancellationToken),
        "synth" => Task.FromResult(Synth()),
        "verify" => VerifyAsync(cancellationToken),
        "connection" => ConnectionAsync(cancellationToken),
        _ => throw new InvalidOperationException($"no action for onboarding step '{id}'"),
    };

    /// <summary>Reverses step <paramref name="id"/> (steps with nothing to reverse do nothing).</summary>
    public async Task UndoAsync(string id, CancellationToken cancellationToken)
    {
        switch (id)
        {
            case "config":
                var text = platform.ConfigText();
                if (platform.Config().Tenants.Any(t => t.Id == request.Slug)) platform.SaveConfig(TenantYamlEditor.Remove(text, request.Slug));
                break;
            case "role":
                await platform.Provisioner.DropRoleAsync(TenantProvisioner.Registered(Names, Level()), cancellationToken);
                break;
            case "place":
                await platform.Provisioner.DropPlaceAsync(TenantProvisioner.Registered(Names, await RegisteredLevelAsync(cancellationToken)), cancellationToken);
                break;
        }
    }

    private string Validate(bool resuming)
    {
        var config = platform.Config();
        var problems = new List<Diagnostic>();
        var at = platform.TenantsLocation(config);
        if (request.Name.Trim().Length == 0 || request.Name.Length > 200 || request.Name.Any(char.IsControl))
            problems.Add(Diagnostic.Error("tenant-name", $"--name '{Printable(request.Name)}' is not a usable display name: 1-200 characters, no control characters or line breaks", at));
        if (!DnsName.IsLabel(request.EffectiveSubdomain))
            problems.Add(Diagnostic.Error("tenant-subdomain", $"subdomain '{Printable(request.EffectiveSubdomain)}' is not a DNS label (lower-case letters, digits, '-', at most 63)", at));
        if (request.CustomDomain is { } domain && !DnsName.IsHostName(domain))
            problems.Add(Diagnostic.Error("tenant-domain", $"--custom-domain '{Printable(domain)}' is not a DNS name", at));
        if (!PlanWord().IsMatch(request.Plan))
            problems.Add(Diagnostic.Error("tenant-plan", $"--plan '{Printable(request.Plan)}' is not a plan id (lower-case letters, digits, '-')", at));
        if (!resuming)
            for (var i = 0; i < config.Tenants.Count; i++)
            {
                var t = config.Tenants[i];
                if (t.Slug == request.Slug || t.Id == request.Slug)
                    problems.Add(Diagnostic.Error("tenant-taken", $"slug '{request.Slug}' is taken by tenant '{t.Id}' ({t.Name})", platform.TenantLocation(config, i, "slug")));
                else if (t.Subdomain == request.EffectiveSubdomain)
                    problems.Add(Diagnostic.Error("tenant-taken", $"subdomain '{request.EffectiveSubdomain}' is taken by tenant '{t.Id}'", platform.TenantLocation(config, i, "subdomain")));
            }
        if (problems.Count > 0) throw new DiagnosticException(problems);
        platform.IsolationOf(config, new TenantConfig { Id = request.Slug, Name = request.Name, Slug = request.Slug, Subdomain = request.EffectiveSubdomain });
        return $"isolation {IsolationLevels.Name(Level())}";
    }

    /// <summary>The registry must not know the slug either (a tenant provisioned outside the config).</summary>
    public async Task CheckRegistryAsync(CancellationToken cancellationToken)
    {
        if (platform.Config().Tenants.Any(t => t.Slug == request.Slug || t.Id == request.Slug)) return; // validate names the config line
        if (await platform.Registry.ExistsAsync(cancellationToken) && (await platform.Registry.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == request.Slug || t.Slug == request.Slug) is { } known)
            throw new DiagnosticException(Diagnostic.Error("tenant-taken",
                $"slug '{request.Slug}' is taken in the database's tenant registry (tenant '{known.Id}', {IsolationLevels.Name(known.Isolation)}) though the config does not list it", platform.TenantsLocation(platform.Config())));
    }

    private string AddToConfig()
    {
        var config = platform.Config();
        if (config.Tenants.Any(t => t.Id == request.Slug)) return "already in the config";
        platform.SaveConfig(TenantYamlEditor.Add(platform.ConfigText(), new TenantConfig
        {
            Id = request.Slug, Name = request.Name, Slug = request.Slug, Subdomain = request.EffectiveSubdomain,
            CustomDomain = request.CustomDomain, Plan = request.Plan,
        }));
        return $"added to {Path.GetFileName(platform.ConfigPath)}";
    }

    private async Task<string> RoleAsync(CancellationToken cancellationToken)
    {
        var registered = await platform.Provisioner.EnsureRoleAsync(Names, Level(), cancellationToken);
        return $"role {registered.Role}";
    }

    private async Task<string> PlaceAsync(CancellationToken cancellationToken)
    {
        var registered = TenantProvisioner.Registered(Names, Level());
        var migration = await platform.Provisioner.BuildPlaceAsync(registered, cancellationToken);
        if (!migration.Successful) throw TenantPlaces.Failed(registered, migration);
        var where = registered.Isolation switch
        {
            IsolationLevel.Rls => "shared tables (rls)",
            IsolationLevel.SchemaPerTenant => $"schema {registered.Schema}",
            _ => $"database {registered.Database}",
        };
        return $"{where}, {migration.Executed.Count} scripts applied";
    }

    private string Synth()
    {
        var config = platform.Config();
        if (config.Stacks.Count == 0) return "no stacks in the config: nothing to synthesize";
        var synthesizer = new StackSynthesizer();
        var notes = new List<string>();
        foreach (var stack in config.Stacks)
        {
            var result = synthesizer.Synthesize(config, stack.Name);
            if (!result.Succeeded)
                throw new DiagnosticException(Diagnostic.Error("tenant-synth", $"stack {stack.Name} does not synthesize: {result.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)}"));
            var dns = result.Program!.Resources.Count(r => r.Name.Contains($"tenant-{request.Slug}", StringComparison.Ordinal));
            if (dns == 0) throw new DiagnosticException(Diagnostic.Error("tenant-synth", $"stack {stack.Name}'s program has no resource for tenant '{request.Slug}' (DNS record, certificate)"));
            notes.Add($"{stack.Name}: {dns} tenant resources");
        }
        return string.Join("; ", notes);
    }

    private async Task<string> VerifyAsync(CancellationToken cancellationToken)
    {
        var registered = await platform.RegisteredAsync(request.Slug, cancellationToken)
            ?? throw new InvalidOperationException($"tenant '{request.Slug}' is not registered after the role step");
        var report = await new AttackMatrix(platform.AdminConnectionString).RunForAsync(registered.Id, cancellationToken);
        platform.Verifications.Record(report, $"onboarding of {registered.Id}");
        var leaks = report.Outcomes.Where(o => o.Leaked).Select(o => $"{o.Attacker} -> {o.Victim}: {o.Vector}: {o.Detail}").ToList();
        if (leaks.Count > 0)
            throw new DiagnosticException(Diagnostic.Error("tenant-isolation", $"isolation of '{request.Slug}' leaks: {string.Join("; ", leaks)}"));
        return report.Summary;
    }

    private async Task<string> ConnectionAsync(CancellationToken cancellationToken)
    {
        var registered = await platform.RegisteredAsync(request.Slug, cancellationToken)
            ?? throw new InvalidOperationException($"tenant '{request.Slug}' is not registered after the role step");
        Connection = await TenantConnections.ForAsync(platform.Registry, registered, includePassword: false, cancellationToken);
        return "ready";
    }

    private IsolationLevel Level()
    {
        var config = platform.Config();
        var listed = config.Tenants.FirstOrDefault(t => t.Id == request.Slug);
        return listed is not null ? platform.IsolationOf(config, listed)
            : config.Architecture.Isolation ?? throw new DiagnosticException(Diagnostic.Error("tenant-isolation", "architecture.isolation is not set in the config"));
    }

    private async Task<IsolationLevel> RegisteredLevelAsync(CancellationToken cancellationToken) =>
        (await platform.RegisteredAsync(request.Slug, cancellationToken))?.Isolation ?? Level();

    private static string Printable(string text) => Regex.Replace(text, @"\p{Cc}", "?");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex PlanWord();
}
