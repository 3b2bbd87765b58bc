using Toolkit.Migrations.Secrets;

namespace Toolkit.Migrations.Tests;

public class SecretSpecs
{
    [Theory]
    [InlineData("\"ApiKey\": \"sk-live-123\",", "\"ApiKey\": \"***\",")]
    [InlineData("+    \"OpenAI__ApiKey\": \"sk-abc\"", "+    \"OpenAI__ApiKey\": \"***\"")]
    [InlineData("Host=db;Username=app;Password=hunter2;Database=x", "Host=db;Username=app;Password=***;Database=x")]
    [InlineData("postgres://app:hunter2@db.neon.tech/app", "postgres://app:***@db.neon.tech/app")]
    [InlineData("AWS_SECRET_ACCESS_KEY=abcd1234", "AWS_SECRET_ACCESS_KEY=***")]
    [InlineData("  token: ghp_123  # comment", "  token: ***  # comment")]
    [InlineData("CREATE ROLE app LOGIN PASSWORD 'hunter2';", "CREATE ROLE app LOGIN PASSWORD '***';")]
    [InlineData("var apiKey = configuration[\"OpenAI:ApiKey\"];", "var apiKey = configuration[\"OpenAI:ApiKey\"];")]
    [InlineData("            MaxOutputTokenCount = 512, // summaries stay short", "            MaxOutputTokenCount = 512, // summaries stay short")]
    [InlineData("+            MaxTokens = 512,", "+            MaxTokens = 512,")]
    [InlineData("\"SecretAccessKey\": \"abc/def\"", "\"SecretAccessKey\": \"***\"")]
    public void I_can_mask_secret_values_but_keep_their_keys(string text, string expected) =>
        Assert.Equal(expected, SecretMasker.MaskSecrets(text));

    // C# in a plan's diff hands names on: masking them would make the hunk unappliable (`migrate diff --format patch`).
    [Theory]
    [InlineData("+            cancellationToken: cancellationToken);")]
    [InlineData("             cancellationToken: ct)")]
    [InlineData("-                cancellationToken: cancellationToken).ConfigureAwait(false);")]
    [InlineData("+        cancellationToken: default);")]
    [InlineData("    stoppingToken: stoppingToken,")]
    [InlineData("+            maxTokens: 100,")]
    [InlineData("+            apiKey: settings.ApiKey,")]
    [InlineData("+            credential: new ApiKeyCredential(apiKey));")]
    [InlineData("             apiKey: _options?.Value.ApiKey!);")]
    [InlineData("+        _apiKey = apiKey;")]
    [InlineData("        Token = token; // kept for retries")]
    [InlineData("+            apiKey: key ?? throw new InvalidOperationException(\"no key\"),")]
    public void I_can_keep_csharp_that_hands_a_name_on_unmasked(string code) =>
        Assert.Equal(code, SecretMasker.MaskSecrets(code));

    [Theory]
    [InlineData("  \"apiKey\": \"sk-ant-api03-abc\"", "  \"apiKey\": \"***\"")]
    [InlineData("Server=db;User Id=app;Password=hunter2;", "Server=db;User Id=app;Password=***;")]
    [InlineData("ApiKey=abc123;Endpoint=https://x", "ApiKey=***;Endpoint=https://x")]
    [InlineData("token: ghp_abc123", "token: ***")]
    [InlineData("    token: ghp_abc123,", "    token: ***,")]
    [InlineData("+            apiKey: \"sk-proj-abc\");", "+            apiKey: \"***\");")]
    [InlineData("+        _apiKey = \"sk-proj-abc\";", "+        _apiKey = \"***\";")]
    [InlineData("password: hunter2", "password: ***")]
    [InlineData("export OPENAI_API_KEY=sk-abc", "export OPENAI_API_KEY=***")]
    [InlineData("GITHUB_TOKEN=abc123 # ci", "GITHUB_TOKEN=*** # ci")]
    public void I_can_still_mask_secrets_beside_code_shaped_text(string text, string expected) =>
        Assert.Equal(expected, SecretMasker.MaskSecrets(text));
}
