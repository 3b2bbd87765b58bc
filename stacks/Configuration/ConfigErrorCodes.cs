namespace Toolkit.Stacks.Configuration;

/// <summary>
/// Stable codes of configuration diagnostics (documented in docs/configuration.md).
/// TK10xx: the file itself; TK2xxx: compatibility rules (each rule carries its own); TK30xx: <c>toolkit init</c>.
/// </summary>
public static class ConfigErrorCodes
{
    /// <summary>The file is not well-formed YAML.</summary>
    public const string MalformedYaml = "TK1001";
    /// <summary>A key the schema does not know (the message suggests the closest one).</summary>
    public const string UnknownKey = "TK1002";
    /// <summary>A value of the wrong kind (mapping, list, text, integer, number, boolean) or out of range.</summary>
    public const string InvalidValue = "TK1003";
    /// <summary>A required key is missing or empty.</summary>
    public const string MissingKey = "TK1004";
    /// <summary>A value outside its fixed set (tenancy, isolation, pattern, status, enforcement).</summary>
    public const string InvalidEnumValue = "TK1005";
    /// <summary>A technology option the catalogue does not have for that category.</summary>
    public const string UnknownOption = "TK1006";
    /// <summary>A compliance framework other than soc2, hipaa, gdpr.</summary>
    public const string UnknownFramework = "TK1007";
    /// <summary>Not a real AWS region id.</summary>
    public const string InvalidRegion = "TK1008";
    /// <summary>A slug, subdomain, id, domain or stack name that is not a DNS-safe label or name.</summary>
    public const string NotDnsSafe = "TK1009";
    /// <summary>Two tenants share an id, slug, subdomain or custom domain.</summary>
    public const string DuplicateTenant = "TK1010";
    /// <summary>An isolation level given for a single-tenant architecture.</summary>
    public const string IsolationForSingleTenant = "TK1011";
    /// <summary>A multi-tenant architecture without an isolation level.</summary>
    public const string IsolationMissing = "TK1012";
    /// <summary>Blue-green steps not strictly increasing within 1..100 or not ending at 100.</summary>
    public const string InvalidBlueGreenSteps = "TK1013";
    /// <summary>Compute is kubernetes but a deployed region has no cluster under deployment.kubernetes.</summary>
    public const string MissingKubernetesCluster = "TK1014";
    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "TK1015";
    /// <summary>A stack name that the config does not define.</summary>
    public const string UnknownStack = "TK1016";
    /// <summary>A schema version this toolkit does not read.</summary>
    public const string UnsupportedVersion = "TK1017";
    /// <summary>The same region twice in one list.</summary>
    public const string DuplicateRegion = "TK1018";
    /// <summary>The config file does not exist or cannot be read.</summary>
    public const string FileNotReadable = "TK1019";
    /// <summary>A Kubernetes cluster entry names neither a context nor a kubeconfig.</summary>
    public const string KubernetesClusterUnnamed = "TK1020";
    /// <summary>A local traffic address that is not <c>host:port</c>.</summary>
    public const string InvalidAddress = "TK1021";
    /// <summary>A required technology category is not chosen.</summary>
    public const string MissingTechnology = "TK1022";
    /// <summary>An AWS id of the wrong shape (<c>vpc-</c>, <c>subnet-</c>, <c>sg-</c> and hex) or an EKS cluster name that is not valid.</summary>
    public const string InvalidAwsId = "TK1023";
    /// <summary><c>toolkit init</c> would overwrite an existing file (use --force).</summary>
    public const string OutputExists = "TK3001";
    /// <summary>A <c>toolkit init</c> argument out of range (tenant count, region list).</summary>
    public const string InvalidInitArgument = "TK3002";
}
