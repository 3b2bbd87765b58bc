using OpenAI.Chat;

namespace ChatApp;

// Turns come from a referenced project whose code is not compiled here: their Content may not be text.
public static class HistoryMapper
{
    public static ChatMessage ToChat(Shared.Conversation.Turn turn) => turn.Role switch
    {
        "system" => new SystemChatMessage(turn.Content),
        _ => new UserChatMessage(turn.Content),
    };
}
