namespace Toolkit.Core.Layout;

/// <summary>
/// The one description of <c>.toolkit/</c>, the working directory the toolkit keeps beside a <c>toolkit.yaml</c>
/// (ignored by git): every verb that reads or writes there asks this type for the path.
/// <code>
/// .toolkit/
///   stacks/STACK/            synthesized Pulumi program of a stack (toolkit up, destroy; promote --target pulumi)
///   nginx/STACK/             the local promotion target's nginx prefix (conf/nginx.conf, nginx.pid, logs/, temp/)
///   promotion.STACK.json     promotion state: a killed promotion resumes from it (keep it between CI jobs)
///   release.json             release manifest of the last db migrate (one-way scripts stop a rollback)
///   backups/                 pg_dump taken before a database migration
///   toolkit.db               the embedded SQLite journal when no database is given
///   tenants/onboarding/SLUG.json   a tenant's onboarding workflow state (a killed onboarding resumes from it)
///   tenants/backups/         tenant backups taken before an offboarding
///   tenants/erasure/         erasure records of offboarded tenants (GDPR Art. 17 evidence)
///   tenants/verification.json      the last isolation verification, overall and per tenant (the dashboard shows it)
/// </code>
/// </summary>
public sealed record ToolkitDirectory(string Path)
{
    /// <summary>The directory's name.</summary>
    public const string Name = ".toolkit";

    /// <summary><c>.toolkit/</c> beside the config file <paramref name="configPath"/>.</summary>
    public static ToolkitDirectory Beside(string configPath) =>
        new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configPath))!, Name));

    /// <summary><c>.toolkit/</c> inside <paramref name="directory"/>.</summary>
    public static ToolkitDirectory In(string directory) => new(System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), Name));

    /// <summary>The synthesized program of <paramref name="stack"/>.</summary>
    public string Stack(string stack) => System.IO.Path.Combine(Path, "stacks", stack);

    /// <summary>The nginx prefix of <paramref name="stack"/>'s local promotion target.</summary>
    public string Nginx(string stack) => System.IO.Path.Combine(Path, "nginx", stack);

    /// <summary>The promotion state file of <paramref name="stack"/>.</summary>
    public string PromotionState(string stack) => System.IO.Path.Combine(Path, $"promotion.{stack}.json");

    /// <summary>The release manifest.</summary>
    public string ReleaseManifest => System.IO.Path.Combine(Path, "release.json");

    /// <summary>Database backups.</summary>
    public string Backups => System.IO.Path.Combine(Path, "backups");

    /// <summary>The embedded SQLite journal.</summary>
    public string Database => System.IO.Path.Combine(Path, "toolkit.db");

    /// <summary>The tenant lifecycle's directory.</summary>
    public string Tenants => System.IO.Path.Combine(Path, "tenants");

    /// <summary>The onboarding state of tenant <paramref name="slug"/>.</summary>
    public string OnboardingState(string slug) => System.IO.Path.Combine(Tenants, "onboarding", slug + ".json");

    /// <summary>The default directory of tenant backups.</summary>
    public string TenantBackups => System.IO.Path.Combine(Tenants, "backups");

    /// <summary>The directory of erasure records.</summary>
    public string Erasure => System.IO.Path.Combine(Tenants, "erasure");

    /// <summary>The record of the last isolation verification.</summary>
    public string IsolationVerification => System.IO.Path.Combine(Tenants, "verification.json");

    /// <summary>A path inside, relative to the config's directory, as docs and CI files write it (<c>.toolkit/release.json</c>).</summary>
    public static string Relative(params string[] parts) => string.Join('/', [Name, .. parts]);
}
