using System.Text.Json;
using Toolkit.Core.Output;
using Toolkit.Core.Serialization;
using Toolkit.Database.Isolation;

namespace Toolkit.Tenants.Verification;

/// <summary>One run of the attack matrix as kept on disk: when, why, over whom, and what it found.</summary>
public sealed record VerificationRun(DateTimeOffset At, string Scope, string Isolation, IReadOnlyList<string> Tenants,
    int Attempts, int Reads, int Writes, int Leaks, IReadOnlyList<string> Leaked);

/// <summary>What the last run that covered one tenant found for it (attempts by it and on it).</summary>
public sealed record TenantVerification(DateTimeOffset At, string Scope, int Attempts, int Leaks);

/// <summary>The file: the last run, and per tenant the last run that covered it.</summary>
public sealed record VerificationFile(VerificationRun? Last, SortedDictionary<string, TenantVerification> Tenants);

/// <summary>
/// The last isolation verifications of a platform (<c>tenants verify</c>, and each onboarding's check of
/// its tenant), kept in <c>.toolkit/tenants/verification.json</c> (<see cref="Core.Layout.ToolkitDirectory.IsolationVerification"/>)
/// so the dashboard can show them without attacking anything. Holds tenant ids and counts, never a secret.
/// </summary>
public sealed class IsolationVerifications(string path)
{
    private static readonly JsonSerializerOptions Options = CanonicalJson.CreateOptions();

    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>Records <paramref name="report"/> as the last run, and as the last for each tenant it covered.</summary>
    public void Record(AttackReport report, string scope, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        var file = Read() ?? new VerificationFile(null, new SortedDictionary<string, TenantVerification>(StringComparer.Ordinal));
        var leaked = report.Outcomes.Where(o => o.Leaked).Select(o => $"{o.Attacker} -> {o.Victim}: {o.Vector}: {o.Detail}").ToList();
        var tenants = new SortedDictionary<string, TenantVerification>(file.Tenants, StringComparer.Ordinal);
        foreach (var id in report.Tenants)
        {
            var mine = report.Outcomes.Where(o => o.Attacker == id || o.Victim == id).ToList();
            tenants[id] = new TenantVerification(when, scope, mine.Count, mine.Count(o => o.Leaked));
        }
        var run = new VerificationRun(when, scope, report.Isolation, report.Tenants, report.Attempts, report.Reads, report.Writes, report.Leaks, leaked);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(new VerificationFile(run, tenants), Options) + "\n");
    }

    /// <summary>Forgets <paramref name="tenantId"/> (an offboarded tenant).</summary>
    public void Forget(string tenantId)
    {
        if (Read() is not { } file || !file.Tenants.ContainsKey(tenantId)) return;
        var tenants = new SortedDictionary<string, TenantVerification>(file.Tenants, StringComparer.Ordinal);
        tenants.Remove(tenantId);
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(file with { Tenants = tenants }, Options) + "\n");
    }

    /// <summary>The file's contents; null when there is none (never verified) or it does not parse.</summary>
    public VerificationFile? Read()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            var file = JsonSerializer.Deserialize<VerificationFile>(File.ReadAllText(Path), Options);
            return file is null ? null : file with { Tenants = new SortedDictionary<string, TenantVerification>(file.Tenants ?? [], StringComparer.Ordinal) };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
