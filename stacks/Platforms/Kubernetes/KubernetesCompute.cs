using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Patterns;

namespace Toolkit.Stacks.Platforms.Kubernetes;

/// <summary>
/// Kubernetes compute on an existing cluster per region (one explicit <c>kubernetes</c> provider each, its
/// kubeconfig and/or context read from stack config). The platform namespace runs the public web tier:
/// a Deployment, a LoadBalancer Service and an HPA per colour. With db-per-tenant each tenant also gets its
/// own namespace (ResourceQuota from its quotas, its own Deployment/Service/HPA per colour). Every namespace
/// denies traffic by default and only admits its own pods and the application port.
/// </summary>
public static class KubernetesCompute
{
    /// <summary>Name of the explicit Kubernetes provider of <paramref name="region"/>.</summary>
    public static string Provider(string region) => $"k8s-{region}";

    /// <summary>Config key of the kube context of <paramref name="region"/>.</summary>
    public static string ContextKey(string region) => "kubeContext" + StackScope.Pascal(region);

    /// <summary>Config key of the kubeconfig (path or contents) of <paramref name="region"/>.</summary>
    public static string KubeconfigKey(string region) => "kubeconfig" + StackScope.Pascal(region);

    /// <summary>Adds the compute of one region.</summary>
    public static RegionalCompute Add(StackScope scope, string region, IReadOnlyDictionary<string, ConfigDeclaration> images,
        Value databaseSecretArn, Value certificateArn)
    {
        var provider = AddProvider(scope, region);
        var opts = new ResourceOptions { Provider = provider.Name };
        var platformNs = scope.Program.Add($"ns-{region}", "kubernetes:core/v1:Namespace", Expr.Map(
            ("metadata", Metadata(scope.Context.ProjectName, null, ("toolkit.io/tier", "platform")))), opts, region);
        var nsName = platformNs.Output("metadata.name");
        AddNetworkPolicies(scope, $"{region}", nsName, opts, region);

        var services = new List<Value>();
        var origins = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var color in scope.Context.Colors)
        {
            var svc = AddWorkload(scope, $"web-{color}-{region}", "web", color, nsName, images[color], databaseSecretArn, "LoadBalancer", opts, region, certificateArn: certificateArn);
            services.Add(svc.Output("metadata.name"));
            origins[color] = svc.Output("status.loadBalancer.ingress[0].hostname");
        }

        if (scope.Context.Isolation == IsolationLevel.DbPerTenant)
            foreach (var tenant in scope.Context.Tenants)
            {
                var ns = scope.Program.Add($"ns-{tenant.Slug}-{region}", "kubernetes:core/v1:Namespace", Expr.Map(
                    ("metadata", Metadata($"{scope.Context.ProjectName}-{tenant.Slug}", null, ("toolkit.io/tier", "tenant"), ("toolkit.io/tenant", tenant.Id)))), opts, region);
                var name = ns.Output("metadata.name");
                scope.Program.Add($"quota-{tenant.Slug}-{region}", "kubernetes:core/v1:ResourceQuota", Expr.Map(
                    ("metadata", Metadata("tenant-quota", name)),
                    ("spec", Expr.Map(("hard", Expr.Map(
                        ("pods", "20"),
                        ("requests.cpu", "4"),
                        ("requests.memory", "8Gi"),
                        ("requests.storage", $"{tenant.Quotas.MaxStorageGb}Gi"),
                        ("persistentvolumeclaims", "10"),
                        ("services.loadbalancers", "0")))))), opts with { Parent = ns.Name }, region);
                AddNetworkPolicies(scope, $"{tenant.Slug}-{region}", name, opts with { Parent = ns.Name }, region);
                foreach (var color in scope.Context.Colors)
                    AddWorkload(scope, $"tenant-{tenant.Slug}-{color}-{region}", "tenant", color, name, images[color], databaseSecretArn, "ClusterIP",
                        opts with { Parent = ns.Name }, region, tenant);
            }

        return new RegionalCompute(region, origins[scope.Context.Colors[0]], origins, new Dictionary<string, string>(), services, null);
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
        return scope.Program.Add(Provider(region), "pulumi:providers:kubernetes", Expr.Map(
            ("context", context?.Ref),
            ("kubeconfig", kubeconfig?.Ref),
            ("enableServerSideApply", true)), region: region);
    }

    private static void AddNetworkPolicies(StackScope scope, string suffix, Value ns, ResourceOptions opts, string region)
    {
        scope.Program.Add($"deny-all-{suffix}", "kubernetes:networking.k8s.io/v1:NetworkPolicy", Expr.Map(
            ("metadata", Metadata("default-deny", ns)),
            ("spec", Expr.Map(("podSelector", MapValue.Empty), ("policyTypes", Expr.Strings(["Ingress", "Egress"]))))), opts, region);
        scope.Program.Add($"allow-own-{suffix}", "kubernetes:networking.k8s.io/v1:NetworkPolicy", Expr.Map(
            ("metadata", Metadata("allow-same-namespace-and-app-port", ns)),
            ("spec", Expr.Map(
                ("podSelector", MapValue.Empty),
                ("policyTypes", Expr.Strings(["Ingress", "Egress"])),
                ("ingress", Expr.List(
                    Expr.Map(("from", Expr.List(Expr.Map(("podSelector", MapValue.Empty))))),
                    Expr.Map(("ports", Expr.List(Expr.Map(("port", Naming.AppPort), ("protocol", "TCP"))))))),
                // Egress: own namespace, DNS, and anything outside the cluster (databases, APIs), never other namespaces' pods.
                ("egress", Expr.List(
                    Expr.Map(("to", Expr.List(Expr.Map(("podSelector", MapValue.Empty))))),
                    Expr.Map(("ports", Expr.List(Expr.Map(("port", 53), ("protocol", "UDP")), Expr.Map(("port", 53), ("protocol", "TCP"))))),
                    Expr.Map(("to", Expr.List(Expr.Map(("ipBlock", Expr.Map(("cidr", "0.0.0.0/0"),
                        ("except", Expr.Strings(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])))))))),
                    Expr.Map(("ports", Expr.List(Expr.Map(("port", Naming.PostgresPort), ("protocol", "TCP")))))))))), opts, region);
    }

    private static Resource AddWorkload(StackScope scope, string name, string tier, string color, Value ns, ConfigDeclaration image,
        Value databaseSecretArn, string serviceType, ResourceOptions opts, string region, TenantConfig? tenant = null, Value? certificateArn = null)
    {
        var replicas = scope.Context.Stack.Instances;
        var labels = Expr.Map(("app", scope.Context.ProjectName), ("tier", tier), ("color", color));
        var deployment = scope.Program.Add(name, "kubernetes:apps/v1:Deployment", Expr.Map(
            ("metadata", Metadata($"{tier}-{color}", ns)),
            ("spec", Expr.Map(
                ("replicas", replicas),
                ("selector", Expr.Map(("matchLabels", labels))),
                ("template", Expr.Map(
                    ("metadata", Expr.Map(("labels", labels))),
                    ("spec", Expr.Map(("containers", Expr.List(Expr.Map(
                        ("name", "app"),
                        ("image", image.Ref),
                        ("ports", Expr.List(Expr.Map(("containerPort", Naming.AppPort)))),
                        ("env", Expr.List(
                            Expr.Map(("name", "TOOLKIT_COLOR"), ("value", color)),
                            Expr.Map(("name", "TOOLKIT_REGION"), ("value", region)),
                            Expr.Map(("name", "TOOLKIT_TENANT"), ("value", tenant?.Id ?? "*")),
                            Expr.Map(("name", "DATABASE_SECRET_ARN"), ("value", databaseSecretArn)))),
                        ("resources", Expr.Map(
                            ("requests", Expr.Map(("cpu", "250m"), ("memory", "512Mi"))),
                            ("limits", Expr.Map(("cpu", "1"), ("memory", "1Gi"))))),
                        ("readinessProbe", Expr.Map(
                            ("httpGet", Expr.Map(("path", scope.Context.Config.Deployment.HealthCheck.Path), ("port", Naming.AppPort))),
                            ("periodSeconds", scope.Context.Config.Deployment.HealthCheck.IntervalSeconds))))))))))))), opts, region);
        var metadata = Metadata($"{tier}-{color}", ns);
        if (certificateArn is not null)
            // The cloud load balancer terminates TLS with the region's ACM certificate and the compliance TLS policy.
            metadata = new MapValue([.. metadata.Entries, new("annotations", Expr.Map(
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-cert", certificateArn),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-ports", "443"),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy", Naming.AlbSslPolicy(scope.MinimumTls)),
                ("service.beta.kubernetes.io/aws-load-balancer-backend-protocol", "http")))]);
        var service = scope.Program.Add($"{name}-svc", "kubernetes:core/v1:Service", Expr.Map(
            ("metadata", metadata),
            ("spec", Expr.Map(
                ("type", serviceType),
                ("selector", labels),
                ("ports", Expr.List(Expr.Map(("name", serviceType == "LoadBalancer" ? "https" : "http"), ("port", serviceType == "LoadBalancer" ? 443 : 80), ("targetPort", Naming.AppPort))))))),
            opts, region);
        scope.Program.Add($"{name}-hpa", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", Expr.Map(
            ("metadata", Metadata($"{tier}-{color}", ns)),
            ("spec", Expr.Map(
                ("scaleTargetRef", Expr.Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", deployment.Output("metadata.name")))),
                ("minReplicas", replicas),
                ("maxReplicas", replicas * 5),
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
