using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Data stores are encrypted at rest with a customer-managed KMS key of the program (when
/// <c>compliance.encryption.customerManagedKeys</c> is on, and the store offers customer keys: Cloudflare R2
/// does not), and every KMS key rotates.
/// </summary>
public sealed class EncryptionAtRestCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "encryption-at-rest";
    /// <inheritdoc />
    public string Title => "Data at rest is encrypted with customer-managed KMS keys that rotate";
    /// <inheritdoc />
    public string ConfigPath => "compliance.encryption";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var cmk = context.Compliance.Encryption.CustomerManagedKeys;
        var evidence = new List<EvidenceItem>();

        void KeyOf(ResourceView r, string path)
        {
            var managed = KmsKeys.IsCustomerManaged(program, r, path);
            evidence.Add(Evidence.Of(r, path, r.Text(path), !cmk || managed,
                cmk ? "a customer-managed aws:kms:Key of the program" : "any key"));
        }

        foreach (var r in program.OfType("aws:rds:Cluster", "aws:rds:Instance", "aws:efs:FileSystem"))
        {
            evidence.Add(Evidence.IsTrue(r, r.Is("aws:efs:FileSystem") ? "encrypted" : "storageEncrypted"));
            KeyOf(r, "kmsKeyId");
        }
        foreach (var r in program.OfType("aws:elasticache:ReplicationGroup"))
        {
            evidence.Add(Evidence.IsTrue(r, "atRestEncryptionEnabled"));
            KeyOf(r, "kmsKeyId");
        }
        foreach (var r in program.OfType("aws:dynamodb:Table"))
        {
            evidence.Add(Evidence.IsTrue(r, "serverSideEncryption.enabled"));
            KeyOf(r, "serverSideEncryption.kmsKeyArn");
        }
        foreach (var bucket in program.OfType("aws:s3:Bucket", "aws:s3:BucketV2"))
        {
            var configs = program.Referencing(bucket, "aws:s3:BucketServerSideEncryptionConfiguration", "aws:s3:BucketServerSideEncryptionConfigurationV2");
            if (configs.Count == 0)
            {
                evidence.Add(Evidence.Of(bucket, "serverSideEncryptionConfiguration", "(absent)", false,
                    "an aws:s3:BucketServerSideEncryptionConfiguration with aws:kms"));
                continue;
            }
            foreach (var c in configs)
            {
                const string algorithm = "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm";
                var value = c.Text(algorithm);
                evidence.Add(Evidence.Of(c, algorithm, value, value is "aws:kms" or "aws:kms:dsse" || !cmk && value == "AES256", cmk ? "aws:kms" : "aws:kms or AES256"));
                KeyOf(c, "rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId");
            }
        }
        // R2 always encrypts at rest (AES-256) and offers no customer-managed keys: what the frameworks require
        // is met, and the evidence says plainly that the keys are Cloudflare's (choose s3 where customer keys matter).
        foreach (var r in program.OfType("cloudflare:index:R2Bucket"))
            evidence.Add(Evidence.Of(r, "(encryption)", "AES-256, Cloudflare-managed keys", true,
                cmk ? "encrypted at rest (R2 offers no customer-managed keys)" : "encrypted at rest"));
        foreach (var key in program.OfType("aws:kms:Key"))
            evidence.Add(Evidence.IsTrue(key, "enableKeyRotation"));

        return CheckResult.From(Id, evidence, "no data stores or keys in this program");
    }
}
