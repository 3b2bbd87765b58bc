using ChatApp;
using Microsoft.Extensions.AI;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);

// The chat client the endpoints ask for, wrapped with tool calling.
builder.Services.AddChatClient(new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient())
    .UseFunctionInvocation();
builder.Services.AddSingleton<IChatClient>(_ => new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient());
builder.Services.AddSingleton<Headlines>();

var app = builder.Build();
app.MapGet("/headline", async (string topic, Headlines headlines) => await headlines.WriteAsync(topic));
app.Run();
