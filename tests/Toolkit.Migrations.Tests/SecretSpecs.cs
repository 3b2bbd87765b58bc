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
}
