using Anthropic;
using Microsoft.Extensions.AI;

namespace App;

public static class Ported
{
    public static IChatClient Create() => new AnthropicClient().AsIChatClient("claude-haiku-4-5");
}
