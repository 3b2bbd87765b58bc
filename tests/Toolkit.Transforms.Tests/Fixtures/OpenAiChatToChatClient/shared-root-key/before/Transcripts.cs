using OpenAI;
using OpenAI.Chat;

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
        var chat = openAi.GetChatClient("gpt-4o-mini");
        var transcript = await audio.TranscribeAudioAsync(audioPath);
        var result = await chat.CompleteChatAsync(new SystemChatMessage("Fix the spelling."), new UserChatMessage(transcript.Value.Text));
        return result.Value.Content[0].Text;
    }
}

/// <summary>The app's own settings type.</summary>
public sealed class SpeechSettings
{
    public string ApiKey { get; set; } = "";
}
