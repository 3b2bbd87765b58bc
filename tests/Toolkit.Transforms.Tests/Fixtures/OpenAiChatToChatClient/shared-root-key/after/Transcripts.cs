using OpenAI;
using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.SharedRootKey;

/// <summary>One OpenAIClient for audio (stays on OpenAI) and chat, its key from a settings type bound from configuration.</summary>
public static class Transcripts
{
    public static async Task<string> CleanAsync(IConfiguration configuration, string audioPath)
    {
        var settings = new SpeechSettings();
        configuration.GetSection("Speech").Bind(settings);
        var openAi = new OpenAIClient(settings.ApiKey);
        var audio = openAi.GetAudioClient("whisper-1");
        var chat = new AnthropicClient().AsIChatClient("claude-haiku-4-5");
        var transcript = await audio.TranscribeAudioAsync(audioPath);
        var result = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Fix the spelling."), new ChatMessage(ChatRole.User, transcript.Value.Text)]);
        return result.Text;
    }
}

/// <summary>The app's own settings type.</summary>
public sealed class SpeechSettings
{
    public string ApiKey { get; set; } = "";
}
