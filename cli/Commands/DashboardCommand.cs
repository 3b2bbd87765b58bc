using System.CommandLine;
using Toolkit.Core.Processes;
using Toolkit.Dashboard;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit dashboard</c>: a read-only local web page of the platform (stacks, tenants, migrations, promotions, compliance, health).</summary>
public sealed class DashboardCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var config = new Option<string>("--config") { Description = "The toolkit.yaml to show.", DefaultValueFactory = _ => "toolkit.yaml" };
        var connection = new Option<string?>("--connection") { Description = "Admin connection string of the platform database: tenants then show where each lives, its scripts applied and pending, and its last fan-out result (the password never appears)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (the dashboard never listens beyond loopback).", DefaultValueFactory = _ => 3001 };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser (xdg-open)." };
        var scripts = new Option<string?>("--scripts") { Description = "Folder of the platform's journaled scripts, to show each tenant's applied and pending scripts (default: the shipped baseline)." };
        var command = new Command("dashboard",
            "Serve a read-only local dashboard on http://127.0.0.1:PORT/: per stack the resource tree by provider and region,\n" +
            "pattern, blue-green weights and monthly cost; tenants; migration plans in the app's .git/toolkit; promotion state;\n" +
            "compliance controls; and each service's health endpoint, polled every 5 s or more. Panels refresh by themselves when\n" +
            "toolkit.yaml or a state file changes. /api/stacks, /api/tenants, /api/migrations, /api/promotions, /api/compliance and\n" +
            "/api/health return what each panel shows, as JSON. Ctrl+C stops it.\n" +
            "Example: toolkit dashboard --config examples/toolkit.yaml --open");
        foreach (var option in new Option[] { config, connection, port, open, scripts }) command.Options.Add(option);
        command.SetAction(async (ParseResult p, CancellationToken cancellationToken) =>
        {
            var chosen = p.GetValue(port);
            if (chosen is < 1 or > 65535)
            {
                await Console.Error.WriteLineAsync($"error: --port must be from 1 to 65535, not {chosen}");
                return ExitCodes.Failed;
            }
            await using var server = await DashboardServer.StartAsync(new DashboardOptions(Path.GetFullPath(p.GetValue(config)!), p.GetValue(connection), chosen)
            {
                Scripts = p.GetValue(scripts) is { } folder ? new Toolkit.Database.Scripts.FolderScriptProvider(folder) : null,
            }, cancellationToken);
            Console.WriteLine($"Dashboard of {p.GetValue(config)} on {server.Url} (read-only, 127.0.0.1 only). Ctrl+C stops it.");
            if (p.GetValue(open))
            {
                if (ProcessRunner.FindOnPath("xdg-open") is { } xdg) _ = ProcessRunner.RunAsync(ProcessSpec.For(xdg).WithArguments([server.Url.ToString()]));
                else Console.WriteLine("(--open: no xdg-open on this machine; open the address above yourself)");
            }
            await server.WaitAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
