using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// A credential the user brings (an API key, a DSN, a token) that a service reads as environment variable
/// <see cref="EnvName"/>. On ECS it is a Secrets Manager secret the program creates empty (replicated to every region;
/// <see cref="Arns"/> per region) and the task definition names in <c>secrets</c>; on Kubernetes it is key
/// <see cref="EnvName"/> of the namespace's Secret <see cref="SecretSlots.KubernetesSecret"/>, read with <c>secretKeyRef</c>.
/// The program never holds a value.
/// </summary>
public sealed record SecretSlot(string Category, string Option, string EnvName, Resource? Secret, IReadOnlyDictionary<string, Value> Arns);

/// <summary>The secret slots of the chosen technologies (from the catalogue's <c>secretSlots</c>), in catalogue order.</summary>
public static class SecretSlots
{
    /// <summary>Name of the Secret each Kubernetes namespace gets for the slots.</summary>
    public const string KubernetesSecret = "app-secrets";

    /// <summary>The Secrets Manager name of slot <paramref name="envName"/>: <c>PROJECT/STACK/slots/ENV_NAME</c>.</summary>
    public static string SecretName(StackScope scope, string envName) => $"{scope.Context.ProjectName}/{scope.Context.Stack.Name}/slots/{envName}";

    /// <summary>Adds the slots of every chosen technology (empty Secrets Manager secrets on ECS; nothing yet on Kubernetes).</summary>
    public static IReadOnlyList<SecretSlot> Add(StackScope scope, IReadOnlyList<RegionalFoundation> regions)
    {
        var slots = new List<SecretSlot>();
        var primary = regions[0];
        foreach (var category in Catalogue.TechnologyCatalogue.Default.Categories)
        {
            if (scope.Context.Config.Technologies[category.Id] is not { } id || category.Find(id) is not { } option) continue;
            foreach (var env in option.SecretSlots)
            {
                if (scope.OnKubernetes)
                {
                    slots.Add(new SecretSlot(category.Id, id, env, null, new Dictionary<string, Value>()));
                    continue;
                }
                // No secret version: the value is the user's, put with `aws secretsmanager put-secret-value`.
                var secret = scope.Aws($"slot-{env.ToLowerInvariant().Replace('_', '-')}", "aws:secretsmanager/secret:Secret", Expr.Map(
                    ("name", SecretName(scope, env)),
                    ("description", $"{env} for {category.Id} '{id}': fill it before the services start (docs/stacks.md, secret slots)"),
                    ("kmsKeyId", primary.Key?.Output("arn")),
                    ("recoveryWindowInDays", 30),
                    ("replicas", Database.Replicas(regions, r => regions.First(f => f.Region == r).Key))), primary.Region);
                slots.Add(new SecretSlot(category.Id, id, env, secret, Database.RegionalArns(secret, regions)));
            }
        }
        return slots;
    }

    /// <summary>The ECS container <c>secrets</c> entries of <paramref name="slots"/> in <paramref name="region"/>.</summary>
    public static IEnumerable<Value> EcsSecrets(IReadOnlyList<SecretSlot> slots, string region) =>
        slots.Where(s => s.Secret is not null).Select(s => (Value)Expr.Map(("name", s.EnvName), ("valueFrom", s.Arns[region])));

    /// <summary>The Kubernetes container <c>env</c> entries of <paramref name="slots"/>: each a <c>secretKeyRef</c> into the namespace's Secret.</summary>
    public static IEnumerable<Value> KubernetesEnv(IReadOnlyList<SecretSlot> slots) =>
        slots.Select(s => (Value)Expr.Map(("name", s.EnvName), ("valueFrom", Expr.Map(("secretKeyRef", Expr.Map(
            ("name", KubernetesSecret), ("key", s.EnvName)))))));

    /// <summary>
    /// Adds the namespace's Secret the slots live in, without data: the user fills it (<c>kubectl</c>, External Secrets...),
    /// and the program ignores its data so a <c>pulumi up</c> never resets it.
    /// </summary>
    public static Resource? AddKubernetesSecret(StackScope scope, IReadOnlyList<SecretSlot> slots, string name, Value ns, ResourceOptions opts, string region)
    {
        if (slots.Count == 0) return null;
        return scope.Program.Add(name, "kubernetes:core/v1:Secret", Expr.Map(
            ("metadata", Expr.Map(
                ("name", KubernetesSecret),
                ("namespace", ns),
                ("annotations", Expr.Map(("toolkit.io/keys", string.Join(",", slots.Select(s => s.EnvName))))))),
            ("type", "Opaque")), opts with { IgnoreChanges = ["data", "stringData"] }, region);
    }
}
