using System.ClientModel;
using Azure.AI.OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using static ChatApp.Terminal.ConsoleOutput;
using StreamedAnswer = (string Prompt, System.Collections.Generic.IEnumerable<OpenAI.Chat.StreamingChatCompletionUpdate?> Updates);

namespace ChatApp;

/// <summary>One Azure OpenAI client for chat and audio; streamed updates go to code of another project that takes OpenAI's type.</summary>
public static class TranscriptSamples
{
    public static void Run(string endpoint, string key, string deployment, string audioFile)
    {
        var client = new AzureOpenAIClient(new Uri(endpoint), new ApiKeyCredential(key));
        var chat = client.GetChatClient(deployment);
        StreamedAnswer answer;
        answer = Summarize(chat, File.ReadAllText(audioFile + ".txt"));
        Stream(answer.Prompt, answer.Updates);

        var audio = client.GetAudioClient("whisper");
        AudioTranscription transcription = audio.TranscribeAudio(audioFile, new AudioTranscriptionOptions { ResponseFormat = AudioTranscriptionFormat.Text });
        var (prompt, updates) = Summarize(chat, transcription.Text);
        Stream(prompt, updates);
    }

    public static (string, IEnumerable<StreamingChatCompletionUpdate?>) Summarize(ChatClient chat, string text)
    {
        var updates = chat.CompleteChatStreaming([new UserChatMessage($"Summarize: {text}")]);
        return ("Summarize...", updates);
    }
}
