using Microsoft.Extensions.AI;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChatClient(new OpenAI.Chat.ChatClient(builder.Configuration["Ollama:Model"]!, Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient());

var app = builder.Build();
app.MapGet("/ask", async (string question, IChatClient chat) => (await chat.GetResponseAsync(question)).Text);
app.Run();
