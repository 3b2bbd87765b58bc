using Anthropic;
using Microsoft.Extensions.AI;
using static OpenAI.Chat.MicrosoftExtensionsAIChatExtensions;

namespace App;

public static class Summaries
{
    public static IChatClient Chat(string model) => new AnthropicClient().AsIChatClient(model);
}
