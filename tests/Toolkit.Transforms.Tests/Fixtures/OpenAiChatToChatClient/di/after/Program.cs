using ChatApp;
using Anthropic;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY")! }.AsIChatClient("claude-sonnet-4-5"));
builder.Services.AddSingleton<Summarizer>();
builder.Services.AddSingleton<IChatClient>(_ => ChatFactory.Create(builder.Configuration));

var app = builder.Build();
app.MapPost("/summary", async (string text, Summarizer summarizer) => await summarizer.SummarizeAsync(text));
app.Run();
