using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;
using Toolkit.Stacks.Platforms.Isolation;
using Toolkit.Stacks.Platforms.Patterns;

namespace Toolkit.Stacks.Platforms.Kubernetes;

/// <summary>
/// Kubernetes compute on an existing EKS cluster per region (one explicit <c>kubernetes</c> provider each, its
/// kubeconfig and/or context read from stack config). The platform namespace runs the public web tier: a Deployment,
/// an internet-facing NLB Service (AWS Load Balancer Controller, TLS with the region's ACM certificate and an NLB TLS
/// policy) and an HPA per colour, which alone sets the replica count. With db-per-tenant each tenant also gets its own
/// namespace (a ResourceQuota sized to fit its HPAs, its own Deployment/Service/HPA per colour) reached only from the
/// web tier. Pods get their AWS role through a service account and EKS Pod Identity. Network policies deny by default
/// and name every peer: the own namespace, the web tier, DNS, the Pod Identity agent, the database network.
/// </summary>
public static class KubernetesCompute
{
    /// <summary>Requests and limits of one application pod (the quotas are computed from these).</summary>
    public const int PodCpuMillis = 250, PodMemoryMi = 512, PodCpuLimitMillis = 1000, PodMemoryLimitMi = 1024;

    /// <summary>Extra pods a rolling update may start per Deployment (<c>maxSurge</c>).</summary>
    public const int MaxSurge = 1;

    /// <summary>Where the EKS Pod Identity agent serves credentials on every node.</summary>
    public const string PodIdentityAgent = "169.254.170.23/32";

    /// <summary>Service account name of the application pods in every namespace.</summary>
    public const string ServiceAccount = "app";

    /// <summary>Name of the explicit Kubernetes provider of <paramref name="region"/>.</summary>
    public static string Provider(string region) => $"k8s-{region}";

    /// <summary>Config key of the kube context of <paramref name="region"/>.</summary>
    public static string ContextKey(string region) => "kubeContext" + StackScope.Pascal(region);

    /// <summary>Config key of the kubeconfig (path or contents) of <paramref name="region"/>.</summary>
    public static string KubeconfigKey(string region) => "kubeconfig" + StackScope.Pascal(region);

    /// <summary>Config key of the EKS cluster name of <paramref name="region"/>.</summary>
    public static string ClusterNameKey(string region) => "clusterName" + StackScope.Pascal(region);

    /// <summary>Maximum replicas of one Deployment's HPA.</summary>
    public static int MaxReplicas(StackScope scope) => scope.Context.Stack.Instances * 5;

    /// <summary>Adds the compute of one region.</summary>
    public static RegionalCompute Add(StackScope scope, RegionalFoundation r, IReadOnlyDictionary<string, ConfigDeclaration> images,
        DataTier data, WorkloadIdentity identity, Value certificateArn, AppServices app)
    {
        var region = r.Region;
        var provider = AddProvider(scope, region);
        var cluster = scope.Context.Config.Deployment.Kubernetes.GetValueOrDefault(region);
        var clusterName = scope.Program.Config(new ConfigDeclaration(ClusterNameKey(region), ConfigType.String, cluster?.ClusterName));
        if (cluster?.ClusterName is null)
            scope.Diagnostics.Add(Diagnostic.Info("TK-STACK-K8S-NETWORK",
                $"Pods of region '{region}' get their AWS role through EKS Pod Identity: set '{ClusterNameKey(region)}' with `pulumi config set` (or deployment.kubernetes.{region}.clusterName)."));
        var opts = new ResourceOptions { Provider = provider.Name };
        var platformNs = scope.Program.Add($"ns-{region}", "kubernetes:core/v1:Namespace", Expr.Map(
            ("metadata", Metadata(scope.Context.ProjectName, null, ("toolkit.io/tier", "platform")))), opts, region);
        var nsName = platformNs.Output("metadata.name");
        var tenantTier = scope.Context.Isolation == IsolationLevel.DbPerTenant;
        AddNetworkPolicies(scope, region, nsName, r.Network.VpcCidr, opts, region, tenant: false, tenantTier, app.VpcPorts);
        app.AddKubernetesSecret(scope, $"slots-{region}", nsName, opts with { Parent = platformNs.Name }, region);
        var platformIdentity = AddServiceAccount(scope, $"sa-{region}", nsName, scope.Context.ProjectName, identity.Role, clusterName, opts with { Parent = platformNs.Name }, region);

        var services = new List<Value>();
        var origins = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var color in scope.Context.Colors)
        {
            var env = DatabaseEnv(data.SharedSecretArn(region), data.SharedHost(region), data.HasSharedSecret ? null : data.TenantSecretPrefix);
            env.AddRange(app.Environment(region));
            env.AddRange(app.KubernetesSecretEnv);
            if (tenantTier)
                // The web tier reaches a tenant's own pods at their Service (namespace PROJECT-SLUG).
                env.Add(Expr.Map(("name", "TOOLKIT_TENANT_SERVICE"), ("value", $"http://tenant-{color}.{scope.Context.ProjectName}-{{slug}}.svc.cluster.local")));
            var svc = AddWorkload(scope, $"web-{color}-{region}", "web", color, nsName, images[color], env, opts, platformIdentity, region, certificateArn: certificateArn);
            services.Add(svc.Output("metadata.name"));
            origins[color] = svc.Output("status.loadBalancer.ingress[0].hostname");
        }

        if (tenantTier)
            foreach (var tenant in scope.Context.Tenants)
            {
                // An external database (neon, supabase...) is one shared secret even with db-per-tenant.
                var database = data.PerTenant.GetValueOrDefault(tenant.Id);
                var tenantRole = identity.TenantRoles.GetValueOrDefault(tenant.Id) ?? identity.Role;
                var ns = scope.Program.Add($"ns-{tenant.Slug}-{region}", "kubernetes:core/v1:Namespace", Expr.Map(
                    ("metadata", Metadata($"{scope.Context.ProjectName}-{tenant.Slug}", null, ("toolkit.io/tier", "tenant"), ("toolkit.io/tenant", tenant.Id)))), opts, region);
                var name = ns.Output("metadata.name");
                var child = opts with { Parent = ns.Name };
                var pods = scope.Context.Colors.Count * (MaxReplicas(scope) + MaxSurge);
                scope.Program.Add($"quota-{tenant.Slug}-{region}", "kubernetes:core/v1:ResourceQuota", Expr.Map(
                    ("metadata", Metadata("tenant-quota", name)),
                    ("spec", Expr.Map(("hard", Expr.Map(
                        // Sized so every HPA can reach its maximum during a rolling update: a quota below that caps the
                        // HPA silently (pods stay Pending with a FailedCreate event nobody reads).
                        ("pods", $"{pods}"),
                        ("requests.cpu", $"{pods * PodCpuMillis}m"),
                        ("requests.memory", $"{pods * PodMemoryMi}Mi"),
                        ("limits.cpu", $"{pods * PodCpuLimitMillis}m"),
                        ("limits.memory", $"{pods * PodMemoryLimitMi}Mi"),
                        ("requests.storage", $"{tenant.Quotas.MaxStorageGb}Gi"),
                        ("persistentvolumeclaims", "10"),
                        ("services.loadbalancers", "0")))))), child, region);
                AddNetworkPolicies(scope, $"{tenant.Slug}-{region}", name, r.Network.VpcCidr, child, region, tenant: true, tenantTier, app.VpcPorts);
                app.AddKubernetesSecret(scope, $"slots-{tenant.Slug}-{region}", name, child, region);
                var tenantIdentity = AddServiceAccount(scope, $"sa-{tenant.Slug}-{region}", name, $"{scope.Context.ProjectName}-{tenant.Slug}", tenantRole, clusterName, child, region);
                var tenantEnv = database is null ? DatabaseEnv(data.SharedSecretArn(region), data.SharedHost(region), null)
                    : DatabaseEnv(database.SecretArns[region], database.Hosts[region], null);
                tenantEnv.AddRange(app.Environment(region));
                tenantEnv.AddRange(app.TenantEnvironment(tenant.Id));
                tenantEnv.AddRange(app.KubernetesSecretEnv);
                foreach (var color in scope.Context.Colors)
                    AddWorkload(scope, $"tenant-{tenant.Slug}-{color}-{region}", "tenant", color, name, images[color], tenantEnv, child, tenantIdentity, region, tenant);
            }

        return new RegionalCompute(region, origins[scope.Context.Colors[0]], origins, new Dictionary<string, string>(), services, null);
    }

    private static List<Value> DatabaseEnv(Value? secretArn, Value? host, string? secretPrefix)
    {
        var env = new List<Value>();
        if (secretArn is not null) env.Add(Expr.Map(("name", "DATABASE_SECRET_ARN"), ("value", secretArn)));
        if (host is not null) env.Add(Expr.Map(("name", "DATABASE_HOST"), ("value", host)));
        if (secretPrefix is not null) env.Add(Expr.Map(("name", "DATABASE_SECRET_NAME_PREFIX"), ("value", secretPrefix)));
        return env;
    }

    private static Resource AddProvider(StackScope scope, string region)
    {
        var cluster = scope.Context.Config.Deployment.Kubernetes.GetValueOrDefault(region);
        if (cluster is null || (cluster.Context is null && cluster.Kubeconfig is null))
            scope.Diagnostics.Add(Diagnostic.Warning("TK-STACK-K8S-CLUSTER",
                $"No Kubernetes cluster is configured for region '{region}' (deployment.kubernetes.{region}); set '{ContextKey(region)}' with `pulumi config set` before `pulumi up`.",
                scope.Context.Config.Source.Find($"deployment.kubernetes")));
        // A context is declared whenever no kubeconfig is given, so a missing cluster fails at `pulumi up` by name.
        var context = cluster?.Context is not null || cluster?.Kubeconfig is null
            ? scope.Program.Config(new ConfigDeclaration(ContextKey(region), ConfigType.String), cluster?.Context)
            : null;
        var kubeconfig = cluster?.Kubeconfig is null ? null
            : scope.Program.Config(new ConfigDeclaration(KubeconfigKey(region), ConfigType.String), cluster.Kubeconfig);
        return scope.Provider(Provider(region), "kubernetes", Expr.Map(
            ("context", context?.Ref),
            ("kubeconfig", kubeconfig?.Ref),
            ("enableServerSideApply", true)), region);
    }

    private static Resource AddServiceAccount(StackScope scope, string name, Value ns, string nsLiteral, Resource role, ConfigDeclaration clusterName,
        ResourceOptions opts, string region)
    {
        scope.Program.Add(name, "kubernetes:core/v1:ServiceAccount", Expr.Map(
            ("metadata", Metadata(ServiceAccount, ns))), opts, region);
        return scope.Aws($"{name}-identity", "aws:eks/podIdentityAssociation:PodIdentityAssociation", Expr.Map(
            ("clusterName", clusterName.Ref),
            ("namespace", nsLiteral),
            ("serviceAccount", ServiceAccount),
            ("roleArn", role.Output("arn"))), region);
    }

    private static MapValue NamespacePeer(string ns, params (string Key, string Value)[] podLabels) => Expr.Map(
        ("namespaceSelector", Expr.Map(("matchLabels", Expr.Map(("kubernetes.io/metadata.name", ns))))),
        ("podSelector", podLabels.Length == 0 ? MapValue.Empty : Expr.Map(("matchLabels", Expr.Map(podLabels.Select(l => (l.Key, (Value?)l.Value)).ToArray())))));

    private static MapValue Ports(params (int Port, string Protocol)[] ports) =>
        Expr.Map(("ports", Expr.List(ports.Select(p => (Value)Expr.Map(("port", p.Port), ("protocol", p.Protocol))))));

    private static MapValue Rule(string direction, IEnumerable<Value> peers, params (int Port, string Protocol)[] ports) =>
        new([new(direction, Expr.List(peers)), .. ports.Length == 0 ? [] : Ports(ports).Entries]);

    private static void AddNetworkPolicies(StackScope scope, string suffix, Value ns, Value vpcCidr, ResourceOptions opts, string region, bool tenant, bool tenantTier,
        IReadOnlyList<int> vpcPorts)
    {
        var project = scope.Context.ProjectName;
        var own = Expr.Map(("podSelector", MapValue.Empty));
        scope.Program.Add($"deny-all-{suffix}", "kubernetes:networking.k8s.io/v1:NetworkPolicy", Expr.Map(
            ("metadata", Metadata("default-deny", ns)),
            ("spec", Expr.Map(("podSelector", MapValue.Empty), ("policyTypes", Expr.Strings(["Ingress", "Egress"]))))), opts, region);

        var ingress = new List<Value> { Rule("from", [own]) };
        ingress.Add(tenant
            // A tenant's pods are reached by the web tier of the platform namespace only.
            ? Rule("from", [NamespacePeer(project, ("tier", "web"))], (Naming.AppPort, "TCP"))
            // The web tier is reached through its NLB, from inside the VPC (ip targets, no client IP preservation).
            : Rule("from", [Expr.Map(("ipBlock", Expr.Map(("cidr", vpcCidr))))], (Naming.AppPort, "TCP")));
        var egress = new List<Value>
        {
            Rule("to", [own]),
            Rule("to", [NamespacePeer("kube-system", ("k8s-app", "kube-dns"))], (53, "UDP"), (53, "TCP")),
            Rule("to", [Expr.Map(("ipBlock", Expr.Map(("cidr", PodIdentityAgent))))], (80, "TCP")),
            // The databases live in the cluster's VPC; the security groups admit only the node group.
            Rule("to", [Expr.Map(("ipBlock", Expr.Map(("cidr", vpcCidr))))], (Naming.PostgresPort, "TCP")),
            // AWS APIs (Secrets Manager, S3) and third-party APIs over HTTPS, never the cluster's private ranges.
            Rule("to", [Expr.Map(("ipBlock", Expr.Map(("cidr", "0.0.0.0/0"), ("except", Expr.Strings(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])))))], (443, "TCP")),
        };
        // The cache (when the stacks provision one) lives in the same VPC, admitting the node group only.
        if (vpcPorts.Count > 0)
            egress.Add(Rule("to", [Expr.Map(("ipBlock", Expr.Map(("cidr", vpcCidr))))], vpcPorts.Select(p => (p, "TCP")).ToArray()));
        if (!tenant && tenantTier)
            egress.Add(Rule("to", [Expr.Map(
                ("namespaceSelector", Expr.Map(("matchLabels", Expr.Map(("toolkit.io/tier", "tenant"))))),
                ("podSelector", Expr.Map(("matchLabels", Expr.Map(("tier", "tenant"))))))], (Naming.AppPort, "TCP")));
        scope.Program.Add($"allow-{suffix}", "kubernetes:networking.k8s.io/v1:NetworkPolicy", Expr.Map(
            ("metadata", Metadata(tenant ? "allow-web-tier-dns-database" : "allow-load-balancer-dns-database", ns)),
            ("spec", Expr.Map(
                ("podSelector", MapValue.Empty),
                ("policyTypes", Expr.Strings(["Ingress", "Egress"])),
                ("ingress", Expr.List(ingress)),
                ("egress", Expr.List(egress))))), opts, region);
    }

    private static Resource AddWorkload(StackScope scope, string name, string tier, string color, Value ns, ConfigDeclaration image,
        List<Value> env, ResourceOptions opts, Resource identity, string region, TenantConfig? tenant = null, Value? certificateArn = null)
    {
        var replicas = scope.Context.Stack.Instances;
        // A suspended tenant's own workloads are scaled to zero (no HPA: its minimum is at least one).
        var suspended = tenant?.Status == TenantStatus.Suspended;
        var health = scope.Context.Config.Deployment.HealthCheck;
        var labels = Expr.Map(("app", scope.Context.ProjectName), ("tier", tier), ("color", color));
        var deployment = scope.Program.Add(name, "kubernetes:apps/v1:Deployment", Expr.Map(
            ("metadata", Metadata($"{tier}-{color}", ns)),
            ("spec", Expr.Map(
                // No replicas: the HPA owns the count; a replicas field here would reset it on every `pulumi up`.
                ("replicas", suspended ? (Value)0 : null),
                ("selector", Expr.Map(("matchLabels", labels))),
                ("strategy", Expr.Map(("type", "RollingUpdate"), ("rollingUpdate", Expr.Map(("maxSurge", MaxSurge), ("maxUnavailable", 0))))),
                ("template", Expr.Map(
                    ("metadata", Expr.Map(("labels", labels))),
                    ("spec", Expr.Map(
                        ("serviceAccountName", ServiceAccount),
                        ("containers", Expr.List(Expr.Map(
                        ("name", "app"),
                        ("image", image.Ref),
                        ("ports", Expr.List(Expr.Map(("containerPort", Naming.AppPort)))),
                        ("env", Expr.List([
                            Expr.Map(("name", "TOOLKIT_COLOR"), ("value", color)),
                            Expr.Map(("name", "TOOLKIT_REGION"), ("value", region)),
                            Expr.Map(("name", "TOOLKIT_TENANT"), ("value", tenant?.Id ?? "*")),
                            .. env])),
                        ("resources", Expr.Map(
                            ("requests", Expr.Map(("cpu", $"{PodCpuMillis}m"), ("memory", $"{PodMemoryMi}Mi"))),
                            ("limits", Expr.Map(("cpu", $"{PodCpuLimitMillis}m"), ("memory", $"{PodMemoryLimitMi}Mi"))))),
                        ("readinessProbe", Expr.Map(
                            ("httpGet", Expr.Map(("path", health.Path), ("port", Naming.AppPort))),
                            ("periodSeconds", health.IntervalSeconds))))))))))))),
            // Pods started before their Pod Identity association get no AWS credentials until they restart.
            opts with { DependsOn = [identity.Name] }, region);
        var metadata = Metadata($"{tier}-{color}", ns);
        var isPublic = certificateArn is not null;
        if (isPublic)
            // The AWS Load Balancer Controller makes an internet-facing NLB that terminates TLS with the region's ACM
            // certificate and an NLB TLS policy; the in-tree controller would make a Classic ELB, which has no TLS 1.3 policy.
            metadata = new MapValue([.. metadata.Entries, new("annotations", Expr.Map(
                ("service.beta.kubernetes.io/aws-load-balancer-type", "external"),
                ("service.beta.kubernetes.io/aws-load-balancer-scheme", "internet-facing"),
                ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip"),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-cert", certificateArn),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-ports", "443"),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy", Naming.NlbSslPolicy(scope.MinimumTls)),
                ("service.beta.kubernetes.io/aws-load-balancer-backend-protocol", "tcp"),
                ("service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol", "HTTP"),
                ("service.beta.kubernetes.io/aws-load-balancer-healthcheck-path", health.Path)))]);
        var service = scope.Program.Add($"{name}-svc", "kubernetes:core/v1:Service", Expr.Map(
            ("metadata", metadata),
            ("spec", Expr.Map(
                ("type", isPublic ? "LoadBalancer" : "ClusterIP"),
                ("loadBalancerClass", isPublic ? "service.k8s.aws/nlb" : null),
                // Behind Cloudflare only Cloudflare's ranges may reach the NLB (the edge cannot be bypassed).
                ("loadBalancerSourceRanges", isPublic ? scope.CloudflareRanges : null),
                ("selector", labels),
                ("ports", Expr.List(Expr.Map(("name", isPublic ? "https" : "http"), ("port", isPublic ? 443 : 80), ("targetPort", Naming.AppPort))))))),
            opts, region);
        if (suspended) return service;
        scope.Program.Add($"{name}-hpa", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", Expr.Map(
            ("metadata", Metadata($"{tier}-{color}", ns)),
            ("spec", Expr.Map(
                ("scaleTargetRef", Expr.Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", deployment.Output("metadata.name")))),
                ("minReplicas", replicas),
                ("maxReplicas", MaxReplicas(scope)),
                ("metrics", Expr.List(Expr.Map(("type", "Resource"), ("resource", Expr.Map(
                    ("name", "cpu"),
                    ("target", Expr.Map(("type", "Utilization"), ("averageUtilization", 70))))))))))), opts, region);
        return service;
    }

    private static MapValue Metadata(string name, Value? ns, params (string Key, string Value)[] labels) => Expr.Map(
        ("name", name),
        ("namespace", ns),
        ("labels", labels.Length == 0 ? null : Expr.Map(labels.Select(l => (l.Key, (Value?)l.Value)).ToArray())));
}
