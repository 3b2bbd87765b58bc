using Anthropic;
using ChatApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(new AnthropicClient());
builder.Services.AddSingleton<Narrator>();
var app = builder.Build();
app.MapGet("/story", async (Narrator narrator, string topic) => await narrator.TellAsync(topic));
app.Run();
