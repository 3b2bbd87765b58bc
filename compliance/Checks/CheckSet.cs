namespace Toolkit.Compliance.Checks;

/// <summary>Every check Toolkit ships, by id.</summary>
public static class CheckSet
{
    /// <summary>The shipped checks, sorted by id.</summary>
    public static IReadOnlyList<ICheck> All { get; } = new ICheck[]
    {
        new AlarmsCheck(), new AuditLoggingCheck(), new BackupPlanCheck(), new BackupRetentionCheck(), new DataResidencyCheck(), new DeletionProtectionCheck(),
        new EncryptionAtRestCheck(), new LogRetentionCheck(), new MultiAzCheck(), new PublicAccessBlockedCheck(),
        new SecretsManagerCheck(), new TenantIsolationCheck(), new ThirdCountryTransferCheck(), new TlsInTransitCheck(),
    }.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>The check with <paramref name="id"/>, or null.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
