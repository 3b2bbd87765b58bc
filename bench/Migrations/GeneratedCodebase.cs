using System.Globalization;
using System.Text;

namespace Toolkit.Bench.Migrations;

/// <summary>
/// Writes a synthetic C# app: N files of about L lines each (services with loops, LINQ, records and
/// comments), every 20th one also calling OpenAI's ChatClient the way the example app does, plus a
/// csproj referencing OpenAI 2.15.0 and an appsettings.json. Deterministic for given sizes.
/// </summary>
public static class GeneratedCodebase
{
    /// <summary>Writes the app into <paramref name="root"/>; returns the number of lines written.</summary>
    public static int Write(string root, int files, int linesPerFile)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project>\n</Project>\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(root, "Generated.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, "appsettings.json"), "{\n  \"OpenAI\": {\n    \"ApiKey\": \"\",\n    \"Model\": \"gpt-4o-mini\"\n  }\n}\n");
        var total = 0;
        for (var i = 0; i < files; i++)
        {
            var text = Source(i, linesPerFile);
            var path = Path.Combine(root, "src", $"Module{i / 50:00}", $"Service{i:0000}.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            total += text.Count(c => c == '\n');
        }
        return total;
    }

    private static string Source(int index, int lines)
    {
        var ai = index % 20 == 0;
        var text = new StringBuilder();
        if (ai) text.Append("using OpenAI.Chat;\n\n");
        text.Append(CultureInfo.InvariantCulture, $"namespace Generated.Module{index / 50:00};\n\n");
        text.Append(CultureInfo.InvariantCulture, $"/// <summary>Generated service {index}.</summary>\npublic sealed class Service{index:0000}\n{{\n");
        if (ai)
            text.Append("""
                    private readonly ChatClient _chat;

                    public Service
                """).Append(index.ToString("0000", CultureInfo.InvariantCulture)).Append("""
                (string model, string apiKey)
                    {
                        _chat = new ChatClient(model, apiKey);
                    }

                    public async Task<string> AskAsync(string question, CancellationToken cancellationToken)
                    {
                        List<ChatMessage> messages = [new SystemChatMessage("Answer briefly."), new UserChatMessage(question)];
                        var options = new ChatCompletionOptions { MaxOutputTokenCount = 256 };
                        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options, cancellationToken);
                        return completion.Content[0].Text;
                    }

                """);
        var method = 0;
        while (CountLines(text) < lines - 4)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>Computes figure {{method}} for a batch.</summary>
                    public static decimal Figure{{method}}(IReadOnlyList<Item{{index:0000}}> items, decimal rate)
                    {
                        // Sum the items above the threshold, then apply the rate.
                        var total = 0m;
                        foreach (var item in items.Where(i => i.Quantity > {{method % 7}}))
                        {
                            total += item.Price * item.Quantity;
                        }
                        return Math.Round(total * rate, 2);
                    }

                """);
            method++;
        }
        text.Append(CultureInfo.InvariantCulture, $"}}\n\n/// <summary>A line item.</summary>\npublic sealed record Item{index:0000}(string Sku, decimal Price, int Quantity);\n");
        return text.ToString();
    }

    private static int CountLines(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span) if (c == '\n') count++;
        return count;
    }
}
