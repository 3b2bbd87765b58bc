using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace ChatApp.StructuredRefusal;

/// <summary>Structured output with a JSON schema (strict), and the refusal read before the content.</summary>
public static class Extraction
{
    public static async Task<string?> PeopleAsync(string apiKey, string text)
    {
        var openAi = new OpenAIClient(apiKey);
        var chat = openAi.GetChatClient("gpt-4o-mini");
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                "people",
                jsonSchemaFormatDescription: "The people named in the text",
                jsonSchema: BinaryData.FromString("""{"type":"object","properties":{"names":{"type":"array","items":{"type":"string"}}},"required":["names"]}"""),
                jsonSchemaIsStrict: true),
        };
        ClientResult<ChatCompletion> result = await chat.CompleteChatAsync([new UserChatMessage(text)], options);
        if (result.Value.Refusal is not null)
        {
            Console.WriteLine(result.Value.Refusal);
            return null;
        }
        return result.Value.Content[0].Text;
    }
}
