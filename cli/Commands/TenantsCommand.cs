using System.CommandLine;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Engines;
using Toolkit.Database.Isolation;
using Toolkit.Database.Reports;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Commands;

/// <summary>
/// <c>toolkit tenants ...</c>: the tenant lifecycle (onboard, suspend, resume, backup, restore, move, offboard;
/// see TenantsCommand.Lifecycle.cs) and the registry views (add, list, connection, verify).
/// </summary>
public sealed partial class TenantsCommand : ICommandDefinition
{
    private readonly Option<string?> _connection = new("--connection") { Description = "Admin PostgreSQL connection string (the database holding the tenant registry).", Required = true };
    private readonly Option<string?> _config = new("--config") { Description = "The toolkit.yaml with architecture.isolation and tenants." };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON." };

    /// <inheritdoc />
    public Command Create()
    {
        var tenants = new Command("tenants",
            "The tenant lifecycle on PostgreSQL under each tenant's isolation level (rls, schema-per-tenant, db-per-tenant): onboard, suspend, resume, backup, restore, move, offboard; " +
            "and list, connection, verify. Nothing deletes tenant data without a backup first.\n" +
            "Examples:\n  toolkit tenants onboard acme --name \"Acme Inc\" --config toolkit.yaml --connection \"Host=...\"\n" +
            "  toolkit tenants backup acme --out acme.tar --config toolkit.yaml --connection \"Host=...\"\n" +
            "  toolkit tenants offboard acme --confirm acme --config toolkit.yaml --connection \"Host=...\"");
        AddLifecycle(tenants);
        tenants.Subcommands.Add(List());
        tenants.Subcommands.Add(Connection());
        tenants.Subcommands.Add(Verify());
        return tenants;
    }

    private Command Add()
    {
        var command = new Command("add", "Provision one tenant of the config: its role, and its schema, database or rls access, with the baseline applied.\nExample: toolkit tenants add acme --config toolkit.yaml --connection \"Host=...\"");
        var id = new Argument<string>("TENANT") { Description = "Tenant id from the config." };
        var configFile = RequiredConfig();
        command.Arguments.Add(id);
        command.Options.Add(configFile);
        command.Options.Add(_connection);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var config = ConfigLoader.Load(p.GetValue(configFile)!);
            var result = await new TenantProvisioner(Admin(p)).AddAsync(config, p.GetValue(id)!, ct);
            Console.Out.WriteLine(result.Migration.Successful ? $"{p.GetValue(id)}: provisioned ({IsolationLevels.Name(result.Isolation)})" : $"{p.GetValue(id)}: FAILED: {result.Migration.Error}");
            return result.Migration.Successful ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private Command List()
    {
        var command = new Command("list", "List registered tenants with isolation, role, schema and database.\nExample: toolkit tenants list --connection \"Host=...\" --json");
        command.Options.Add(_connection);
        command.Options.Add(_config);
        command.Options.Add(_json);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var list = await new TenantRegistry(Admin(p)).ListAsync(ct);
            if (p.GetValue(_json))
                Console.Out.Write(ScriptReport.Json(w =>
                {
                    w.WriteStartArray("tenants");
                    foreach (var t in list)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", t.Id);
                        w.WriteString("slug", t.Slug);
                        w.WriteString("isolation", IsolationLevels.Name(t.Isolation));
                        w.WriteString("role", t.Role);
                        w.WriteString("schema", t.Isolation == IsolationLevel.SchemaPerTenant ? t.Schema : "app");
                        w.WriteString("database", t.Isolation == IsolationLevel.DbPerTenant ? t.Database : null);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
            else
                foreach (var t in list) Console.Out.WriteLine($"{t.Id}\t{IsolationLevels.Name(t.Isolation)}\trole={t.Role}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Connection()
    {
        var command = new Command("connection", "Print the Npgsql connection string a tenant's application uses: its own role, its database, and under rls the tenant setting in Options. The password only with --show-secrets.\nExample: toolkit tenants connection acme --config toolkit.yaml --connection \"Host=...\"");
        var id = new Argument<string>("TENANT") { Description = "Registered tenant id." };
        var show = new Option<bool>("--show-secrets") { Description = "Include the password." };
        command.Arguments.Add(id);
        command.Options.Add(_connection);
        command.Options.Add(_config);
        command.Options.Add(show);
        command.Options.Add(_json);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var registry = new TenantRegistry(Admin(p));
            var tenant = await registry.GetAsync(p.GetValue(id)!, ct);
            var connection = await TenantConnections.ForAsync(registry, tenant, p.GetValue(show), ct);
            if (p.GetValue(_json))
                Console.Out.Write(ScriptReport.Json(w =>
                {
                    w.WriteString("tenant", tenant.Id);
                    w.WriteString("isolation", IsolationLevels.Name(tenant.Isolation));
                    w.WriteString("connection", connection);
                    w.WriteBoolean("passwordIncluded", p.GetValue(show));
                }));
            else Console.Out.WriteLine(connection);
            if (!p.GetValue(show)) Console.Error.WriteLine("(password omitted; pass --show-secrets to include it)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Verify()
    {
        var command = new Command("verify",
            "Run the isolation attack matrix against a live database: each tenant, over its own connection, tries to select, insert, update and delete the next tenant's rows " +
            "through table names, search_path, SET and set_config of the tenant setting, RESET ROLE, SET ROLE and functions. Prints attempts and leaks; exit 1 on any leak.\n" +
            "Example: toolkit tenants verify --config toolkit.yaml --connection \"Host=staging;Database=saas;Username=admin;Password=...\"");
        command.Options.Add(_connection);
        command.Options.Add(_config);
        command.Options.Add(_json);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            if (p.GetValue(_config) is { } file) ConfigLoader.Load(file);
            var report = await new AttackMatrix(Admin(p)).RunAsync(ct);
            // Kept beside the config (never a secret: ids and counts) for the dashboard's tenants panel.
            if (p.GetValue(_config) is { } beside)
                new Toolkit.Tenants.Verification.IsolationVerifications(Toolkit.Core.Layout.ToolkitDirectory.Beside(beside).IsolationVerification).Record(report, "all tenants");
            if (p.GetValue(_json))
                Console.Out.Write(ScriptReport.Json(w =>
                {
                    w.WriteString("isolation", report.Isolation);
                    w.WriteStartArray("levels");
                    foreach (var level in report.Levels) w.WriteStringValue(IsolationLevels.Name(level));
                    w.WriteEndArray();
                    w.WriteStartArray("tenants");
                    foreach (var id in report.Tenants) w.WriteStringValue(id);
                    w.WriteEndArray();
                    w.WriteNumber("attempts", report.Attempts);
                    w.WriteNumber("reads", report.Reads);
                    w.WriteNumber("writes", report.Writes);
                    w.WriteNumber("leaks", report.Leaks);
                    w.WriteStartArray("leaked");
                    foreach (var o in report.Outcomes.Where(o => o.Leaked)) w.WriteStringValue($"{o.Attacker} -> {o.Victim}: {o.Vector}: {o.Detail}");
                    w.WriteEndArray();
                }));
            else
            {
                foreach (var o in report.Outcomes.Where(o => o.Leaked)) Console.Out.WriteLine($"LEAK {o.Attacker} -> {o.Victim}: {o.Vector}: {o.Detail}");
                Console.Out.WriteLine(report.Summary);
            }
            return report.Leaks == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private Option<string?> RequiredConfig() => new("--config") { Description = _config.Description, Required = true };

    private string Admin(ParseResult p)
    {
        var connection = p.GetValue(_connection)!;
        if (DatabaseEngines.IsSqlite(connection))
            throw new DiagnosticException(Diagnostic.Error("tenant-engine", "tenant isolation needs PostgreSQL: pass a PostgreSQL --connection."));
        DatabaseEngines.FromConnectionString(connection);
        return connection;
    }
}
