using Toolkit.Core.Diagnostics;
using Toolkit.Testing;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>Finding swaps by id, and what a swap's plan may and may not do.</summary>
public sealed class SwapCatalogSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task I_can_list_the_swaps_and_find_one_by_id()
    {
        await Task.Yield();
        Assert.Equal(["ai:anthropic=ollama", "ai:anthropic=openai", "ai:azure-openai=anthropic", "ai:ollama=anthropic", "ai:ollama=openai", "ai:openai=anthropic", "ai:openai=ollama", "database:neon=supabase", "database:supabase=neon", "storage:r2=s3", "storage:s3=r2"],
            SwapCatalog.All.Select(s => s.Id));
        var swap = SwapCatalog.Find("AI:OpenAI=Anthropic");
        Assert.Equal(("ai", "openai", "anthropic"), (swap.Category, swap.From, swap.To));
        Assert.All(SwapCatalog.All, s => Assert.EndsWith(".", s.Description));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_see_the_known_swaps_when_i_ask_for_an_unknown_one()
    {
        await Task.Yield();
        var error = Assert.Throws<DiagnosticException>(() => SwapCatalog.Find("ai:openai=gemini"));
        Assert.Contains("unknown swap 'ai:openai=gemini' (known: ai:anthropic=ollama, ai:anthropic=openai, ai:azure-openai=anthropic, ai:ollama=anthropic, ai:ollama=openai, ai:openai=anthropic, ai:openai=ollama, database:neon=supabase, database:supabase=neon, storage:r2=s3, storage:s3=r2)", error.Message);
        Assert.Null(SwapCatalog.TryFind("nope"));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_get_a_clear_error_for_a_missing_app_folder_or_an_unknown_option()
    {
        await Task.Yield();
        var missing = Assert.Throws<DiagnosticException>(() => SwapCatalog.Find("storage:s3=r2").Plan(new SwapContext("/nonexistent/app")));
        Assert.Contains("/nonexistent/app: the app folder does not exist.", missing.Message);

        using var app = new TempDirectory("saas-app");
        var option = Assert.Throws<DiagnosticException>(() => SwapCatalog.Find("storage:s3=r2")
            .Plan(new SwapContext(app.Path, new Dictionary<string, string> { ["r2.acountId"] = "x" })));
        Assert.Contains("unknown option 'r2.acountId' (known: r2.accountId)", option.Message);
    }

    [Fact(Timeout = 180_000)]
    public async Task I_can_plan_every_swap_without_a_single_byte_of_the_app_changing()
    {
        await Task.Yield();
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);
        var before = app.Snapshot();

        var results = SwapCatalog.All.Select(s => s.Plan(new SwapContext(app.Path))).ToList();

        // The app runs OpenAI, S3 and Neon: swaps from those change it, the way back from R2, Supabase, Anthropic or Ollama finds nothing to do.
        foreach (var (swap, result) in SwapCatalog.All.Zip(results))
            if (swap.From is "r2" or "supabase" or "anthropic" or "azure-openai" or "ollama") Assert.Empty(result.Edits);
            else Assert.NotEmpty(result.Edits);
        Assert.Equal(before, app.Snapshot());
        // Same input, same plan: edits and manual steps are deterministic.
        var again = SwapCatalog.All.Select(s => s.Plan(new SwapContext(app.Path))).ToList();
        Assert.Equal(results.SelectMany(r => r.Edits), again.SelectMany(r => r.Edits));
        Assert.Equal(results.SelectMany(r => r.ManualSteps), again.SelectMany(r => r.ManualSteps));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_the_storage_swap_list_the_acl_call_with_its_line()
    {
        await Task.Yield();
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);

        var result = SwapCatalog.Find("storage:s3=r2").Plan(new SwapContext(app.Path, new Dictionary<string, string> { ["r2.accountId"] = "0123456789abcdef" }));

        var lines = File.ReadAllLines(app.Combine("Services", "DocumentStore.cs"));
        var acl = Assert.Single(result.ManualSteps, s => s.Reason.StartsWith("PutObjectAclAsync", StringComparison.Ordinal));
        Assert.Equal("Services/DocumentStore.cs", acl.RelativePath);
        Assert.Contains("PutObjectAclAsync", lines[acl.Line - 1]);
        Assert.Contains("\"AccountId\": \"0123456789abcdef\"", result.Edits.Single(e => e.RelativePath == "appsettings.json").After);
    }

    [Fact(Timeout = 600_000)]
    public async Task I_can_plan_an_app_with_a_package_no_source_serves_and_get_the_code_that_binds_ported()
    {
        await Task.Yield();
        using var app = new TempDirectory("broken-app");
        app.Write("Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>"
            + "<ItemGroup><PackageReference Include=\"No.Such.Package.Anywhere\" Version=\"9.9.9\" /><PackageReference Include=\"OpenAI\" Version=\"2.15.0\" /></ItemGroup></Project>");
        app.Write("Chat.cs", "using OpenAI.Chat;\nclass C { ChatClient c = new ChatClient(\"gpt-4o\", \"k\"); }\n");
        app.Write("Directory.Build.props", "<Project />");
        app.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");

        var result = SwapCatalog.Find("ai:openai=anthropic").Plan(new SwapContext(app.Path));

        // The partial restore drops the package no source has and keeps OpenAI: the code that binds is ported, and the plan says what is missing.
        Assert.Contains("AnthropicClient", Assert.Single(result.Edits, e => e.RelativePath == "Chat.cs").After);
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Broken.csproj"
            && s.Reason.Contains("resolved only in part", StringComparison.Ordinal) && s.Reason.Contains("No.Such.Package.Anywhere 9.9.9 (no package source has it)", StringComparison.Ordinal));
        Assert.Contains("<PackageReference Include=\"Anthropic\" Version=\"13.14.0\" /> <PackageReference Include=\"Microsoft.Extensions.AI\" Version=\"10.11.0\" />",
            Assert.Single(result.Edits, e => e.RelativePath == "Broken.csproj").After);
    }
}
