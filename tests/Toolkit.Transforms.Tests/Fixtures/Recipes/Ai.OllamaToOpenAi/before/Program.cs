using Microsoft.Extensions.AI;
using OllamaSharp;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChatClient(new OllamaApiClient(builder.Configuration["Ollama:Endpoint"]!, builder.Configuration["Ollama:Model"]!));

var app = builder.Build();
app.MapGet("/ask", async (string question, IChatClient chat) => (await chat.GetResponseAsync(question)).Text);
app.Run();
