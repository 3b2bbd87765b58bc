using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Isolation;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// The AWS identity of the application: an ECS task role, or on Kubernetes an IAM role EKS Pod Identity gives the
/// pods' service account (one for the platform tier, one per tenant namespace with db-per-tenant). Each is allowed
/// exactly the secrets, keys and buckets its workload uses, by ARN. IAM is global: roles go through the primary
/// region's provider.
/// </summary>
public sealed record WorkloadIdentity(Resource Role, IReadOnlyDictionary<string, Resource> TenantRoles, Resource? ExecutionRole)
{
    /// <summary>Service principal ECS tasks assume roles as.</summary>
    public const string EcsPrincipal = "ecs-tasks.amazonaws.com";

    /// <summary>Service principal of EKS Pod Identity.</summary>
    public const string PodIdentityPrincipal = "pods.eks.amazonaws.com";

    /// <summary>Adds the roles the compute needs.</summary>
    public static WorkloadIdentity Add(StackScope scope, DataTier data, IReadOnlyList<RegionalFoundation> regions, IReadOnlyList<Resource> buckets)
    {
        var regionNames = regions.Select(r => r.Region).ToList();
        var keys = regions.Where(r => r.Key is not null).Select(r => (Value)r.Key!.Output("arn")).ToList();
        var bucketArns = buckets.Where(b => b.Name.StartsWith("assets-", StringComparison.Ordinal))
            .SelectMany(b => new Value[] { b.Output("arn"), Expr.Format($"${{{b.Name}.arn}}/*") }).ToList();
        // Shared tiers read the shared secret in every region, or with db-per-tenant every tenant secret by its name
        // prefix (naming 10,000 ARNs would pass the 10 KiB inline policy limit).
        // A tiered platform (pooled tenants and silo tenants) reads both.
        var shared = regionNames.Select(data.SharedSecretArn).OfType<Value>().ToList();
        var secrets = data.HasSharedSecret ? shared
            : shared.Concat(regionNames.Select(r => (Value)Expr.Format($"arn:aws:secretsmanager:{r}:${{{Encryption.AccountIdVariable}}}:secret:{data.TenantSecretPrefix}*"))).ToList();

        if (!scope.OnKubernetes)
        {
            var execution = AddRole(scope, "task-execution-role", EcsPrincipal, "ECS task execution", shared, [], []);
            scope.Aws("task-execution-policy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", Expr.Map(
                ("role", execution.Output("name")),
                ("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")), scope.Context.PrimaryRegion);
            var task = AddRole(scope, "task-role", EcsPrincipal, "application tasks", secrets, keys, bucketArns);
            return new WorkloadIdentity(task, new Dictionary<string, Resource>(), execution);
        }

        var pods = AddRole(scope, "pod-role", PodIdentityPrincipal, "platform pods (EKS Pod Identity)", secrets, keys, bucketArns);
        var tenantRoles = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var (tenantId, database) in data.PerTenant)
            tenantRoles[tenantId] = AddRole(scope, $"pod-role-{database.Name}", PodIdentityPrincipal, $"{tenantId} pods (EKS Pod Identity)",
                regionNames.Select(r => database.SecretArns[r]).ToList(), keys, bucketArns);
        return new WorkloadIdentity(pods, tenantRoles, null);
    }

    private static Resource AddRole(StackScope scope, string name, string principal, string purpose,
        IReadOnlyList<Value> secrets, IReadOnlyList<Value> keyArns, IReadOnlyList<Value> objects)
    {
        var region = scope.Context.PrimaryRegion;
        // Pod Identity tags the session (namespace, service account), which needs sts:TagSession in the trust policy.
        Value action = principal == PodIdentityPrincipal ? Expr.Strings(["sts:AssumeRole", "sts:TagSession"]) : "sts:AssumeRole";
        var role = scope.Aws(name, "aws:iam/role:Role", Expr.Map(
            ("assumeRolePolicy", Expr.Json(Expr.Map(
                ("Version", "2012-10-17"),
                ("Statement", Expr.List(Expr.Map(
                    ("Effect", "Allow"),
                    ("Principal", Expr.Map(("Service", principal))),
                    ("Action", action))))))),
            ("description", $"{scope.Prefix} {purpose}")), region);
        var statements = new List<Value>();
        if (secrets.Count > 0)
            statements.Add(Expr.Map(("Sid", "Secrets"), ("Effect", "Allow"),
                ("Action", Expr.Strings(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"])), ("Resource", Expr.List(secrets))));
        if (keyArns.Count > 0)
            statements.Add(Expr.Map(("Sid", "Keys"), ("Effect", "Allow"),
                ("Action", Expr.Strings(["kms:Decrypt", "kms:GenerateDataKey"])), ("Resource", Expr.List(keyArns))));
        if (objects.Count > 0)
            statements.Add(Expr.Map(("Sid", "Objects"), ("Effect", "Allow"),
                ("Action", Expr.Strings(["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"])), ("Resource", Expr.List(objects))));
        if (statements.Count > 0)
            scope.Aws($"{name}-policy", "aws:iam/rolePolicy:RolePolicy", Expr.Map(
                ("role", role.Output("id")),
                ("policy", Expr.Json(Expr.Map(("Version", "2012-10-17"), ("Statement", Expr.List(statements)))))), region);
        return role;
    }
}
