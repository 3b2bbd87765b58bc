using Microsoft.Extensions.AI;
using OpenAI;
using ChatApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient());
builder.Services.AddSingleton<Narrator>();
var app = builder.Build();
app.MapGet("/story", async (Narrator narrator, string topic) => await narrator.TellAsync(topic));
app.Run();
