using Azure.AI.OpenAI;

namespace App;

public static class Speech
{
    public static object Audio(AzureOpenAIClient client) => client.GetAudioClient("whisper");
}
