using OpenAI.Chat;

namespace ChatApp;

// A document sent as bytes: BinaryData.FromBytes leaves with the OpenAI package, the bytes stay.
public class PdfReader(ChatClient chat)
{
    public async Task<string> ReadAsync(string base64Pdf, string question)
    {
        var messages = new List<ChatMessage>
        {
            new UserChatMessage(new List<ChatMessageContentPart>
            {
                ChatMessageContentPart.CreateTextPart(question),
                ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(Convert.FromBase64String(base64Pdf)), "application/pdf"),
            }),
        };
        var completion = await chat.CompleteChatAsync(messages);
        return completion.Value.Content[0].Text;
    }
}
