using Microsoft.Extensions.AI;

namespace ChatApp;

// A document sent as bytes: BinaryData.FromBytes leaves with the OpenAI package, the bytes stay.
public class PdfReader(IChatClient chat)
{
    public async Task<string> ReadAsync(string base64Pdf, string question)
    {
        var messages = new List<ChatMessage>
        {
            new ChatMessage(ChatRole.User, [.. new List<AIContent>
            {
                new TextContent(question),
                new DataContent(Convert.FromBase64String(base64Pdf), "application/pdf"),
            }]),
        };
        var completion = await chat.GetResponseAsync(messages);
        return completion.Text;
    }
}
