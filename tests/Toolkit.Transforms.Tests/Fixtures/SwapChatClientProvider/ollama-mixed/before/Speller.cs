using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>IChatClient only: this file moves even though Assistant.cs stays.</summary>
public static class Speller
{
    public static IChatClient Create() => new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");
}
