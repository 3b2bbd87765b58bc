using System.Text;
using OpenAI.Chat;

namespace Common.Replies;

/// <summary>Helpers a shared project of the repository keeps for the apps that reference it.</summary>
public static class ReplyText
{
    /// <summary>The reply's text, every part appended.</summary>
    public static string AllText(this IEnumerable<ChatMessageContentPart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Text);
        }
        return text.ToString();
    }

    /// <summary>The same, as one expression.</summary>
    public static string Joined(this ChatMessageContent parts) => string.Concat(parts.Select(p => p.Text));

    /// <summary>Not only the text: one line per part.</summary>
    public static string Lines(this IEnumerable<ChatMessageContentPart> parts) => string.Join("\n", parts.Select(p => p.Text));
}

/// <summary>Settings the apps bind from their configuration.</summary>
public sealed class AssistantSettings
{
    /// <summary>The provider's API key.</summary>
    public string Key { get; set; } = "";
}
