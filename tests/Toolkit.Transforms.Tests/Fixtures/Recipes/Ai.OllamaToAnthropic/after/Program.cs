using Microsoft.Extensions.AI;
using Anthropic;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChatClient(new AnthropicClient().AsIChatClient(builder.Configuration["Anthropic:Model"]!));

var app = builder.Build();
app.MapGet("/ask", async (string question, IChatClient chat) => (await chat.GetResponseAsync(question)).Text);
app.Run();
