using System.Text.RegularExpressions;

namespace Toolkit.Migrations.Secrets;

/// <summary>
/// Masks values of keys that look secret (ApiKey, Password, Secret, Token, access keys, connection-string
/// passwords) in text meant for people: plans, diffs, manual steps, logs. Keys stay visible so a
/// reviewer still sees what changed; only the value becomes <see cref="Mask"/>.
/// </summary>
public static partial class SecretMasker
{
    /// <summary>What a secret value is replaced by.</summary>
    public const string Mask = "***";

    // The key must end in the secret word ("MaxOutputTokenCount" is not a secret; "SecretAccessKey" is).
    private const string SecretKey = @"[A-Za-z0-9_.:\-]*(?:api[_\-]?key|apikey|password|passwd|pwd|secret|token|access[_\-]?key|private[_\-]?key|credentials?)(?![A-Za-z0-9_])";

    // "ApiKey": "value" (JSON) — value in double quotes.
    [GeneratedRegex("(\"" + SecretKey + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)(\")", RegexOptions.IgnoreCase)]
    private static partial Regex JsonValue();

    // Password=value; inside connection strings (stops at ; or quote).
    [GeneratedRegex(@"(\b(?:password|pwd)\s*=\s*)([^;""'\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    // postgres://user:password@host
    [GeneratedRegex(@"(\b[a-z][a-z0-9+.\-]*://[^:/@\s""']+:)([^@/\s""']+)(@)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    // KEY=value / key: value (env files, YAML), and C# string assignments: apiKey = "value".
    [GeneratedRegex("^(\\s*[-+ ]?\\s*(?:export\\s+)?" + SecretKey + "\\s*[:=]\\s*[\"']?)([^\"'\\s#;,]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AssignedValue();

    // SQL: PASSWORD 'value'
    [GeneratedRegex(@"(\bpassword\s+')([^']*)(')", RegexOptions.IgnoreCase)]
    private static partial Regex SqlPassword();

    /// <summary>The text with every secret-looking value replaced by <see cref="Mask"/>.</summary>
    public static string MaskSecrets(string text)
    {
        var masked = JsonValue().Replace(text, m => m.Groups[1].Value + Mask + m.Groups[3].Value);
        masked = UrlPassword().Replace(masked, m => m.Groups[1].Value + Mask + m.Groups[3].Value);
        masked = ConnectionStringPassword().Replace(masked, m => m.Groups[2].Value == Mask ? m.Value : m.Groups[1].Value + Mask);
        masked = SqlPassword().Replace(masked, m => m.Groups[1].Value + Mask + m.Groups[3].Value);
        masked = AssignedValue().Replace(masked, m => IsPlaceholder(m.Groups[2].Value) ? m.Value : m.Groups[1].Value + Mask);
        return masked;
    }

    /// <summary>True when masking changes <paramref name="text"/>.</summary>
    public static bool ContainsSecret(string text) => MaskSecrets(text) != text;

    // Code such as `apiKey = configuration["OpenAI:ApiKey"]` or `token = GetToken()` is not a value worth hiding.
    private static bool IsPlaceholder(string value) =>
        value == Mask || value.Length == 0 || value.All(char.IsAsciiDigit) || value is "true" or "false" || value.Contains('(') || value.Contains('[') || value.Contains('{')
        || value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.StartsWith("configuration", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("Environment", StringComparison.Ordinal);
}
