using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Data;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Status;

/// <summary>What a suspend or resume did.</summary>
public sealed record SuspensionResult(string TenantId, TenantStatus Status, int SessionsTerminated, bool Changed);

/// <summary>
/// Suspends a tenant (its role <c>NOLOGIN</c>, its open sessions terminated, <c>status: suspended</c> in
/// the config) or resumes it (<c>LOGIN</c>, <c>status: active</c>). The database changes first, so a
/// config that says active always means the tenant can log in. Repeating either is a no-op.
/// </summary>
public sealed class TenantSuspension(TenantPlatform platform)
{
    /// <summary>Suspends (<paramref name="suspend"/>) or resumes <paramref name="slug"/>.</summary>
    public async Task<SuspensionResult> SetAsync(string slug, bool suspend, CancellationToken cancellationToken = default)
    {
        var config = platform.Config();
        var tenant = platform.Tenant(config, slug);
        var registered = await platform.RegisteredAsync(tenant.Id, cancellationToken)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{slug}' has no database role: onboard or provision it first",
                platform.TenantLocation(config, config.Tenants.ToList().IndexOf(tenant))));
        var terminated = 0;
        await using (var connection = await TenantPlaces.OpenAsync(platform.AdminConnectionString, cancellationToken))
        {
            await using (var alter = new NpgsqlCommand($"ALTER ROLE {Sql.Id(registered.Role)} {(suspend ? "NOLOGIN" : "LOGIN")}", connection))
                await alter.ExecuteNonQueryAsync(cancellationToken);
            if (suspend)
            {
                await using var kill = new NpgsqlCommand("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = @r AND pid <> pg_backend_pid()) k", connection);
                kill.Parameters.AddWithValue("r", registered.Role);
                terminated = checked((int)(long)(await kill.ExecuteScalarAsync(cancellationToken))!);
            }
        }
        var status = suspend ? TenantStatus.Suspended : TenantStatus.Active;
        var changed = tenant.Status != status;
        if (changed) platform.SaveConfig(TenantYamlEditor.Set(platform.ConfigText(), tenant.Id, "status", Words.Of(status)));
        return new SuspensionResult(tenant.Id, status, terminated, changed);
    }
}
