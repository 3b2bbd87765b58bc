using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp;

/// <summary>Offers a tool and prints the raw message: neither has a one-to-one IChatClient counterpart here.</summary>
public sealed class Agent(AnthropicClient client)
{
    public async Task RunAsync(string question)
    {
        var message = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet4_6,
            MaxTokens = 512,
            Messages = [new UserMessageParam { Content = question }],
            Tools = [new ToolUnion(new Tool { Name = "get_time", InputSchema = new() })],
        });
        Console.WriteLine(message);
    }
}
