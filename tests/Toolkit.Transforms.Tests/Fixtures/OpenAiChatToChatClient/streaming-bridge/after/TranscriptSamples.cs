using System.ClientModel;
using Azure.AI.OpenAI;
using OpenAI.Audio;
using Anthropic;
using Microsoft.Extensions.AI;
using static OpenAI.Chat.MicrosoftExtensionsAIChatExtensions;
using static ChatApp.Terminal.ConsoleOutput;
using StreamedAnswer = (string Prompt, System.Collections.Generic.IEnumerable<OpenAI.Chat.StreamingChatCompletionUpdate?> Updates);

namespace ChatApp;

/// <summary>One Azure OpenAI client for chat and audio; streamed updates go to code of another project that takes OpenAI's type.</summary>
public static class TranscriptSamples
{
    public static void Run(string endpoint, string key, string deployment, string audioFile)
    {
        var client = new AzureOpenAIClient(new Uri(endpoint), new ApiKeyCredential(key));
        var chat = new AnthropicClient().AsIChatClient(deployment);
        StreamedAnswer answer;
        answer = Summarize(chat, File.ReadAllText(audioFile + ".txt"));
        Stream(answer.Prompt, answer.Updates);

        var audio = client.GetAudioClient("whisper");
        AudioTranscription transcription = audio.TranscribeAudio(audioFile, new AudioTranscriptionOptions { ResponseFormat = AudioTranscriptionFormat.Text });
        var (prompt, updates) = Summarize(chat, transcription.Text);
        Stream(prompt, updates);
    }

    public static (string, IEnumerable<OpenAI.Chat.StreamingChatCompletionUpdate?>) Summarize(IChatClient chat, string text)
    {
        #pragma warning disable OPENAI001 // AsOpenAIStreamingChatCompletionUpdatesAsync is experimental
        var updates = chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, $"Summarize: {text}")]).AsOpenAIStreamingChatCompletionUpdatesAsync().ToBlockingEnumerable();
        #pragma warning restore OPENAI001
        return ("Summarize...", updates);
    }
}
