using System.Text.Json;
using System.Text.RegularExpressions;
using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Secrets live in a secrets manager, never as literals in the program: database master passwords are
/// managed by RDS or come from a secret, container environment variables with secret-looking names hold
/// no literal values, and Kubernetes secrets take their data from references or <c>fn::secret</c>.
/// </summary>
public sealed partial class SecretsManagerCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "secrets-manager";
    /// <inheritdoc />
    public string Title => "Secrets are kept in a secrets manager, not in the program";
    /// <inheritdoc />
    public string ConfigPath => "technologies";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var evidence = new List<EvidenceItem>();
        foreach (var db in program.OfType("aws:rds:Cluster", "aws:rds:Instance"))
        {
            // A secondary cluster of a global database has no credentials of its own: the primary's apply.
            if (db.Get("globalClusterIdentifier") is not null && db.Get("masterUsername") is null) continue;
            if (db.IsTrue("manageMasterUserPassword")) evidence.Add(Evidence.IsTrue(db, "manageMasterUserPassword"));
            else evidence.Add(Evidence.Of(db, "masterPassword", Redacted(db.Get("masterPassword")), IsNotLiteral(db.Get("masterPassword")),
                "manageMasterUserPassword: true, or a reference to a secret"));
        }
        foreach (var task in program.OfType("aws:ecs:TaskDefinition"))
            foreach (var (path, value) in SecretLookingEnvironment(task))
                evidence.Add(Evidence.Of(task, path, Redacted(value), IsNotLiteral(value), "a container secret (valueFrom), not a literal"));
        foreach (var secret in program.OfType("kubernetes:core/v1:Secret"))
            foreach (var field in new[] { "stringData", "data" })
                if (secret.Get(field) is { ValueKind: JsonValueKind.Object } data)
                    foreach (var p in data.EnumerateObject())
                        evidence.Add(Evidence.Of(secret, $"{field}.{p.Name}", Redacted(p.Value), IsNotLiteral(p.Value), "a reference or fn::secret, not a literal"));
        foreach (var s in program.OfType("aws:secretsmanager:Secret"))
            evidence.Add(Evidence.Of(s, "(aws:secretsmanager:Secret)", "present", true, "secrets kept in AWS Secrets Manager"));
        return CheckResult.From(Id, evidence, "no secrets in this program");
    }

    /// <summary>A literal secret would be leaked by printing it: evidence shows only its kind.</summary>
    private static string Redacted(JsonElement? value) => value switch
    {
        null => "(absent)",
        { ValueKind: JsonValueKind.String } v when ResourceReference.In(v.GetString()!).Any() => v.GetString()!,
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("fn::secret", out _) => "fn::secret(...)",
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("valueFrom", out var from) => $"valueFrom {PropertyPath.Display(from)}",
        _ => "(literal, redacted)",
    };

    private static bool IsNotLiteral(JsonElement? value) => value switch
    {
        null => false,
        { ValueKind: JsonValueKind.String } v => ResourceReference.In(v.GetString()!).Any(),
        { ValueKind: JsonValueKind.Object } v => v.EnumerateObject().Any(p => p.Name.StartsWith("fn::", StringComparison.Ordinal) || p.Name == "valueFrom"),
        _ => false,
    };

    private static IEnumerable<(string Path, JsonElement Value)> SecretLookingEnvironment(ResourceView task)
    {
        var definitions = task.Get("containerDefinitions");
        if (definitions is { ValueKind: JsonValueKind.Object } wrapped && wrapped.TryGetProperty("fn::toJSON", out var inner))
            definitions = inner; // the construct model encodes container definitions with fn::toJSON
        if (definitions is { ValueKind: JsonValueKind.String } text)
        {
            try { definitions = JsonDocument.Parse(text.GetString()!).RootElement.Clone(); }
            catch (JsonException) { yield break; }
        }
        if (definitions is not { ValueKind: JsonValueKind.Array } containers) yield break;
        var i = 0;
        foreach (var container in containers.EnumerateArray())
        {
            if (container.TryGetProperty("environment", out var env) && env.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var variable in env.EnumerateArray())
                {
                    if (variable.TryGetProperty("name", out var name) && SecretName().IsMatch(name.GetString() ?? "") && !PointerName().IsMatch(name.GetString() ?? "") && variable.TryGetProperty("value", out var value))
                        yield return ($"containerDefinitions[{i}].environment[{j}]({name.GetString()})", value);
                    j++;
                }
            }
            if (container.TryGetProperty("secrets", out var secrets) && secrets.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var s in secrets.EnumerateArray()) yield return ($"containerDefinitions[{i}].secrets[{j++}]", s);
            }
            i++;
        }
    }

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|DATABASE_URL|CONNECTION_STRING)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>Names that hold where a secret is (its ARN, name or id), not the secret itself.</summary>
    [GeneratedRegex("(_ARN|_NAME|_ID|_PREFIX|_REF)$", RegexOptions.IgnoreCase)]
    private static partial Regex PointerName();
}
