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

    // KEY=value / key: value (env files, YAML), and C# string assignments: apiKey = "value". Group 3 is the rest of the line.
    [GeneratedRegex("^(\\s*[-+ ]?\\s*(?:export\\s+)?(" + SecretKey + ")\\s*[:=]\\s*([\"']?))([^\"'\\s#;,)]+)([^\\r\\n]*)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AssignedValue();

    // A C# name or member path (ct, _apiKey, this.options.Token, settings?.ApiKey!): what code hands on, not a value.
    [GeneratedRegex(@"^@?[A-Za-z_][A-Za-z0-9_]*(?:\??\.[A-Za-z_][A-Za-z0-9_]*)*!?$")]
    private static partial Regex CodeName();

    // What ends a C# argument or statement on its line: `)`, `,`, `;`, `{` (any mix, then a comment), or a `??` fallback.
    [GeneratedRegex(@"^\s*(?:[),;{]+\s*(?://.*)?|\?\?.*)$")]
    private static partial Regex CodeLineEnd();

    // What follows `new` in a C# object creation of names, no literal: a type, then its arguments or initializer (`new ApiKeyCredential(key)`).
    [GeneratedRegex(@"^\s+[A-Za-z_][A-Za-z0-9_.]*(?:<[^>]*>)?\s*[({][^""']*$")]
    private static partial Regex ObjectCreation();

    // The shapes of issued tokens and keys (GitHub, OpenAI/Anthropic/Stripe, Slack, AWS): masked even where they read as a name.
    [GeneratedRegex(@"^(?:gh[pousr]_|github_pat_|sk[-_]|pk_live_|rk_live_|xox[abprs]-|AKIA|ASIA)", RegexOptions.IgnoreCase)]
    private static partial Regex IssuedSecret();

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
        masked = AssignedValue().Replace(masked, m => IsPlaceholder(m.Groups[4].Value) || IsCode(m) ? m.Value : m.Groups[1].Value + Mask + m.Groups[5].Value);
        return masked;
    }

    /// <summary>True when masking changes <paramref name="text"/>.</summary>
    public static bool ContainsSecret(string text) => MaskSecrets(text) != text;

    // C# that hands a name on: a named argument or an assignment whose value is a variable or member, ending its line
    // (`cancellationToken: cancellationToken);`, `apiKey: settings.ApiKey,`, `_token = token;`, `key: key ?? throw ...`),
    // and any CancellationToken (`cancellationToken: default`). An unquoted name that does not end the line
    // (`ApiKey=abc;Host=db`, `token: ghp_123 # comment`) or that has an issued key's shape is still masked.
    private static bool IsCode(Match assigned)
    {
        var key = assigned.Groups[2].Value;
        var value = assigned.Groups[4].Value;
        if (key.EndsWith("CancellationToken", StringComparison.OrdinalIgnoreCase) || key.EndsWith("StoppingToken", StringComparison.OrdinalIgnoreCase)) return true;
        if (assigned.Groups[3].Length == 0 && value == "new" && ObjectCreation().IsMatch(assigned.Groups[5].Value)) return true; // credential: new ApiKeyCredential(apiKey)
        return assigned.Groups[3].Length == 0 && CodeName().IsMatch(value) && !IssuedSecret().IsMatch(value) && CodeLineEnd().IsMatch(assigned.Groups[5].Value);
    }

    // Code such as `apiKey = configuration["OpenAI:ApiKey"]` or `token = GetToken()` is not a value worth hiding.
    private static bool IsPlaceholder(string value) =>
        value == Mask || value.Length == 0 || value.All(char.IsAsciiDigit) || value is "true" or "false" || value.Contains('(') || value.Contains('[') || value.Contains('{')
        || value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.StartsWith("configuration", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("Environment", StringComparison.Ordinal);
}
