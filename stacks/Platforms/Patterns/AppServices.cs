using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// The services the application uses besides its database (technologies <c>cache</c>, <c>email</c>, <c>auth</c>,
/// <c>ai</c>, <c>secrets</c>, <c>errorTracking</c>): what the stacks provision for each choice (ElastiCache, SES,
/// Cognito, Bedrock access), the secret slots for what the user brings, and what the compute gives its containers:
/// environment per region (and per tenant), ECS secrets or Kubernetes secret refs, a policy on every workload role,
/// the ports Kubernetes pods may open to the VPC. A choice the stacks cannot provision is never silent: synth prints
/// <see cref="BringCode"/> naming what the user must bring (the catalogue's <c>bring</c> text).
/// </summary>
public sealed class AppServices
{
    /// <summary>Info diagnostic: what the user must bring for a chosen technology.</summary>
    public const string BringCode = "TK-STACK-BRING";

    /// <summary>Info diagnostic: more Cognito user pools than the default quota of one region.</summary>
    public const string PoolQuotaCode = "TK-STACK-COGNITO-QUOTA";

    /// <summary>Stack output naming the Cognito pools (one, or one per tenant).</summary>
    public const string AuthOutput = "auth";

    /// <summary>The categories whose choices this construct gives a meaning.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["cache", "email", "auth", "ai", "secrets", "errorTracking"];

    private readonly Dictionary<string, List<Value>> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Value>> _tenantEnvironment = new(StringComparer.Ordinal);

    private AppServices(IReadOnlyList<SecretSlot> slots, IReadOnlyList<int> vpcPorts)
    {
        Slots = slots;
        VpcPorts = vpcPorts;
    }

    /// <summary>The secret slots (in catalogue order).</summary>
    public IReadOnlyList<SecretSlot> Slots { get; }

    /// <summary>Ports pods must reach inside the VPC besides PostgreSQL (the cache's).</summary>
    public IReadOnlyList<int> VpcPorts { get; }

    /// <summary>Environment entries (<c>{name, value}</c>) of every service container in <paramref name="region"/>.</summary>
    public IReadOnlyList<Value> Environment(string region) => _environment.GetValueOrDefault(region) ?? [];

    /// <summary>Extra environment entries of a tenant's own workloads (its user pool with db-per-tenant).</summary>
    public IReadOnlyList<Value> TenantEnvironment(string tenantId) => _tenantEnvironment.GetValueOrDefault(tenantId) ?? [];

    /// <summary>The ECS container <c>secrets</c> of the slots in <paramref name="region"/>.</summary>
    public IEnumerable<Value> EcsSecrets(string region) => SecretSlots.EcsSecrets(Slots, region);

    /// <summary>The Kubernetes container <c>env</c> entries of the slots (secret refs).</summary>
    public IEnumerable<Value> KubernetesSecretEnv => SecretSlots.KubernetesEnv(Slots);

    /// <summary>Adds the namespace's slot Secret (none without slots).</summary>
    public Resource? AddKubernetesSecret(StackScope scope, string name, Value ns, ResourceOptions opts, string region) =>
        SecretSlots.AddKubernetesSecret(scope, Slots, name, ns, opts, region);

    /// <summary>Adds what the chosen technologies need; <paramref name="dns"/> is the edge's zone for their records.</summary>
    public static AppServices Add(StackScope scope, IReadOnlyList<RegionalFoundation> regions, WorkloadIdentity identity, EdgeDns dns)
    {
        var tech = scope.Context.Config.Technologies;
        var slots = SecretSlots.Add(scope, regions);
        Announce(scope, slots);
        var statements = new List<Value>();
        var ports = new List<int>();
        var env = regions.ToDictionary(r => r.Region, _ => new List<(string Name, Value Value)>(), StringComparer.Ordinal);
        // Not for `secrets`: a name with SECRET in it reads as a secret to the compliance checks, and the slots name the store.
        foreach (var category in Categories.Where(c => c != "secrets"))
            if (tech[category] is { } choice)
                foreach (var r in regions) env[r.Region].Add((ProviderVariable(category), choice));

        if (tech["cache"] == "redis")
        {
            var caches = regions.Select(r => Cache.Add(scope, r)).ToList();
            foreach (var c in caches) env[c.Region].AddRange(Cache.Environment(scope, c));
            statements.Add(Cache.Statement(caches));
            ports.AddRange(Cache.Ports);
        }
        if (tech["email"] == "aws-ses")
        {
            var identities = regions.Select(r => Email.Add(scope, r.Region, dns)).ToList();
            for (var i = 0; i < regions.Count; i++) env[regions[i].Region].AddRange(Email.Environment(scope, regions[i].Region, identities[i]));
            statements.Add(Email.Statement(identities));
        }
        if (tech["ai"] == "aws-bedrock")
        {
            statements.Add(AiAccess.Add(scope));
            foreach (var r in regions) env[r.Region].AddRange(AiAccess.Environment(r.Region));
        }

        var services = new AppServices(slots, ports);
        if (tech["auth"] == "aws-cognito") services.AddAuth(scope, env);
        foreach (var (region, entries) in env)
            services._environment[region] = entries.Select(e => (Value)Expr.Map(("name", e.Name), ("value", e.Value))).ToList();

        if (statements.Count > 0)
            foreach (var role in identity.TenantRoles.Values.Prepend(identity.Role))
                scope.Aws($"{role.Name}-services", "aws:iam/rolePolicy:RolePolicy", Expr.Map(
                    ("role", role.Output("id")),
                    ("policy", Expr.Json(Expr.Map(("Version", "2012-10-17"), ("Statement", Expr.List(statements)))))), scope.Context.PrimaryRegion);
        var slotArns = slots.Where(s => s.Secret is not null).SelectMany(s => regions.Select(r => s.Arns[r.Region])).ToList();
        if (identity.ExecutionRole is { } execution && slotArns.Count > 0)
            // ECS reads `secrets` with the execution role before the container starts.
            scope.Aws("task-execution-secret-slots", "aws:iam/rolePolicy:RolePolicy", Expr.Map(
                ("role", execution.Output("id")),
                ("policy", Expr.Json(Expr.Map(("Version", "2012-10-17"), ("Statement", Expr.List(Expr.Map(
                    ("Sid", "SecretSlots"), ("Effect", "Allow"),
                    ("Action", "secretsmanager:GetSecretValue"),
                    ("Resource", Expr.List(slotArns))))))))), scope.Context.PrimaryRegion);
        return services;
    }

    /// <summary>The environment variable naming the chosen option of <paramref name="category"/>: <c>errorTracking</c> to <c>ERROR_TRACKING_PROVIDER</c>.</summary>
    public static string ProviderVariable(string category) =>
        string.Concat(category.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + c : char.ToUpperInvariant(c).ToString())) + "_PROVIDER";

    private void AddAuth(StackScope scope, Dictionary<string, List<(string Name, Value Value)>> env)
    {
        var pools = Auth.Add(scope);
        if (pools.TryGetValue("*", out var shared))
        {
            foreach (var entries in env.Values) entries.AddRange(Auth.Environment(shared));
            scope.Program.Output(AuthOutput, Expr.Map(("userPoolId", shared.Pool.Output("id")), ("clientId", shared.Client.Output("id")), ("issuer", shared.Issuer)));
            return;
        }
        // One service serves every tenant on ECS: it learns a token's pool from its issuer, and the pools from the output.
        foreach (var entries in env.Values)
            entries.Add(("AUTH_ISSUER_PREFIX", $"https://cognito-idp.{scope.Context.PrimaryRegion}.amazonaws.com/"));
        foreach (var (tenantId, pool) in pools)
            _tenantEnvironment[tenantId] = Auth.Environment(pool).Select(e => (Value)Expr.Map(("name", e.Name), ("value", e.Value))).ToList();
        scope.Program.Output(AuthOutput, Expr.Map(pools.Select(p => (p.Key, (Value?)Expr.Map(
            ("userPoolId", p.Value.Pool.Output("id")), ("clientId", p.Value.Client.Output("id"))))).ToArray()));
        if (pools.Count > Auth.DefaultPoolQuota)
            scope.Diagnostics.Add(Diagnostic.Info(PoolQuotaCode,
                $"db-per-tenant gives each of {pools.Count} tenants its own Cognito user pool in {scope.Context.PrimaryRegion}; Cognito allows {Auth.DefaultPoolQuota} pools per account and region by default: request a quota increase before `pulumi up`.",
                scope.Context.Config.Source.Find("technologies.auth")));
    }

    // Every chosen technology with something to bring says what, and where its secret slots are.
    private static void Announce(StackScope scope, IReadOnlyList<SecretSlot> slots)
    {
        foreach (var category in Catalogue.TechnologyCatalogue.Default.Categories)
        {
            if (scope.Context.Config.Technologies[category.Id] is not { } id || category.Find(id) is not { } option || option.Bring.Length == 0) continue;
            var own = slots.Where(s => s.Category == category.Id).Select(s => s.EnvName).ToList();
            var what = option.Provisions.Length == 0 ? $"the stacks provision nothing for '{id}': bring {option.Bring}" : $"'{id}' is provisioned; still bring {option.Bring}";
            var where = own.Count == 0 ? ""
                : scope.OnKubernetes
                    ? $" Fill key(s) {string.Join(", ", own)} of Secret '{SecretSlots.KubernetesSecret}' in each application namespace before the pods start."
                    : $" Fill secret(s) {string.Join(", ", own.Select(e => $"'{SecretSlots.SecretName(scope, e)}'"))} (`aws secretsmanager put-secret-value`) before the tasks start.";
            scope.Diagnostics.Add(Diagnostic.Info(BringCode, $"technologies.{category.Id}: {what}{where}", scope.Context.Config.Source.Find($"technologies.{category.Id}")));
        }
    }
}
