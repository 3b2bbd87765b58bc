using ChatApp;
using OpenAI;
using OpenAI.Chat;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).GetChatClient("gpt-4o"));
builder.Services.AddSingleton<Summarizer>();
builder.Services.AddSingleton<ChatClient>(_ => ChatFactory.Create(builder.Configuration));

var app = builder.Build();
app.MapPost("/summary", async (string text, Summarizer summarizer) => await summarizer.SummarizeAsync(text));
app.Run();
