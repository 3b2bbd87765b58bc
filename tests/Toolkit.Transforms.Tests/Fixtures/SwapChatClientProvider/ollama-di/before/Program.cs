using ChatApp;
using Microsoft.Extensions.AI;
using OllamaSharp;

var builder = WebApplication.CreateBuilder(args);

// The chat client the endpoints ask for, wrapped with tool calling.
builder.Services.AddChatClient(new OllamaApiClient(builder.Configuration["Ollama:Endpoint"] ?? "http://localhost:11434", "llama3.1"))
    .UseFunctionInvocation();
builder.Services.AddSingleton<IChatClient>(_ => new OllamaApiClient(new Uri("http://localhost:11434")) { SelectedModel = "phi4-mini" });
builder.Services.AddSingleton<Headlines>();

var app = builder.Build();
app.MapGet("/headline", async (string topic, Headlines headlines) => await headlines.WriteAsync(topic));
app.Run();
