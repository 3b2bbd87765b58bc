using OpenAI.Chat;

namespace App;

/// <summary>A test double: a subclass reaches the client's members without a receiver.</summary>
public sealed class CountingChatClient : ChatClient
{
    public int Calls { get; private set; }

    // Pipeline is ChatClient's own member, named here without a dot.
    public object Transport() => Pipeline;
}
