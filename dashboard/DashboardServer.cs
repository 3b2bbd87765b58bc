using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
using Toolkit.Dashboard.Panels;

namespace Toolkit.Dashboard;

/// <summary>
/// The local dashboard: Kestrel bound to 127.0.0.1 only, one read-only page and a JSON endpoint per panel
/// (<c>/api/stacks</c>, <c>/api/tenants</c>, <c>/api/migrations</c>, <c>/api/promotions</c>, <c>/api/compliance</c>,
/// <c>/api/health</c>), plus <c>/api/version</c>, which changes when the config or a state file does, so the page
/// refreshes its panels without a reload. Every response passes through one redaction: the connection string's password
/// never leaves the process.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>Error code: the port is taken.</summary>
    public const string PortInUse = "TK5001";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly HealthPoller _health;
    private readonly Task _polling;

    private DashboardServer(WebApplication app, HealthPoller health, Uri url)
    {
        _app = app;
        _health = health;
        Url = url;
        _polling = Task.Run(() => health.RunAsync(_stop.Token));
    }

    /// <summary>Where the page is (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Url { get; }

    /// <summary>The addresses Kestrel listens on (all loopback).</summary>
    public IReadOnlyList<string> Addresses => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();

    /// <summary>Starts the dashboard; a missing or unreadable config, or a taken port, is a <see cref="DiagnosticException"/>.</summary>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.ConfigPath))
            throw new DiagnosticException(Diagnostic.Error(Stacks.Configuration.ConfigErrorCodes.FileNotReadable,
                $"cannot read config '{options.ConfigPath}': no such file", new SourceLocation(options.ConfigPath, 1, 1)));
        var snapshot = new PlatformSnapshot(options.ConfigPath);
        var health = new HealthPoller(snapshot, options.HealthIntervalSeconds);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var redact = Secrets(options.Connection);

        app.MapGet("/", () => Results.Content(Page(), "text/html; charset=utf-8"));
        var scripts = options.Scripts ?? Database.Baseline.BaselineScripts.For("postgresql");
        app.MapGet("/api/version", async (CancellationToken ct) => Json(new JsonObject
        {
            // With a connection the database's state is part of it, so the page also redraws when a fan-out or an onboarding changes it.
            ["version"] = options.Connection is null ? Version(snapshot) : Version(snapshot, await TenantDatabase.VersionAsync(options.Connection, ct)),
        }, redact));
        app.MapGet("/api/stacks", () => Json(StacksPanel.Build(snapshot), redact));
        app.MapGet("/api/tenants", async (CancellationToken ct) => Json(await TenantsPanel.BuildAsync(snapshot, options.Connection, scripts, ct), redact));
        app.MapGet("/api/migrations", () => Json(MigrationsPanel.Build(snapshot), redact));
        app.MapGet("/api/promotions", () => Json(PromotionsPanel.Build(snapshot), redact));
        app.MapGet("/api/compliance", () => Json(CompliancePanel.Build(snapshot), redact));
        app.MapGet("/api/health", () => Json(health.Build(), redact));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new DiagnosticException(Diagnostic.Error(PortInUse,
                $"cannot listen on 127.0.0.1:{options.Port}: {e.Message.TrimEnd('.')}; stop what uses it or pick another with --port"));
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, health, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try { await Task.Delay(Timeout.Infinite, cancellationToken); }
        catch (OperationCanceledException) { }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { await _polling; } catch (OperationCanceledException) { }
        _health.Dispose();
        _stop.Dispose();
    }

    /// <summary>A fingerprint of the config and every state file the panels read: it changes when any of them does.</summary>
    public static string Version(PlatformSnapshot snapshot, string database = "")
    {
        var text = new StringBuilder(database);
        void Add(string path)
        {
            var info = new FileInfo(path);
            if (info.Exists) text.Append(path).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }
        Add(snapshot.ConfigPath);
        foreach (var dir in new[] { Path.Combine(snapshot.Directory, ".toolkit"), Path.Combine(snapshot.Directory, ".git", "toolkit") })
            if (Directory.Exists(dir))
                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) Add(file);
        try { text.Append(File.ReadAllText(snapshot.ConfigPath)); } catch (IOException) { }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    private static IResult Json(JsonNode node, Func<string, string> redact) =>
        Results.Text(redact(node.ToJsonString(CanonicalJson.CreateOptions())), "application/json; charset=utf-8");

    /// <summary>The redaction every response passes through: the connection string's password (and the string itself) become [secret].</summary>
    private static Func<string, string> Secrets(string? connection)
    {
        if (connection is null) return s => s;
        var secrets = new List<string> { connection };
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection };
            foreach (var key in new[] { "password", "pwd" })
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } password) secrets.Add(password);
        }
        catch (ArgumentException) { }
        return text =>
        {
            foreach (var secret in secrets.OrderByDescending(s => s.Length))
            {
                text = text.Replace(secret, "[secret]", StringComparison.Ordinal);
                var escaped = System.Text.Json.JsonEncodedText.Encode(secret, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
                if (escaped != secret) text = text.Replace(escaped, "[secret]", StringComparison.Ordinal);
            }
            return text;
        };
    }

    private static string Page()
    {
        using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream("Toolkit.Dashboard.Web.index.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
