using Anthropic;
using Anthropic.Models.Messages;

namespace App;

public static class Replies
{
    public static async Task<string> DraftAsync(string question, string previousAnswer)
    {
        var clientModel = "claude-sonnet-4-5";
        var client = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY")! };

        // The whole conversation goes in one call.
        var result = await client.Messages.Create(new MessageCreateParams
        {
            Model = clientModel,
            System = "Answer in one paragraph.",
            Messages =
            [
                new MessageParam { Role = Role.User, Content = question },
                new MessageParam { Role = Role.Assistant, Content = previousAnswer },
                new MessageParam { Role = Role.User, Content = "Shorter, please." },
            ],
            MaxTokens = 1024,
        });
        return string.Concat(result.Content.Select(contentBlock => contentBlock.TryPickText(out var textBlock) ? textBlock.Text : ""));
    }
}
