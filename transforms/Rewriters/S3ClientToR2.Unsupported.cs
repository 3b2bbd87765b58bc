using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

public sealed partial class S3ClientToR2
{
    // Operations R2's S3 API does not implement (https://developers.cloudflare.com/r2/api/s3/api/), with why.
    private static readonly Dictionary<string, string> UnsupportedOperations = new(StringComparer.Ordinal)
    {
        ["PutACLAsync"] = "R2 has no ACLs: objects are private unless the bucket is public or served through a custom domain",
        ["GetACLAsync"] = "R2 has no ACLs",
        ["PutObjectAclAsync"] = "R2 has no object ACLs: objects are private unless the bucket is public or served through a custom domain",
        ["GetObjectAclAsync"] = "R2 has no object ACLs",
        ["PutBucketAclAsync"] = "R2 has no bucket ACLs: public access is a bucket setting in Cloudflare",
        ["GetBucketAclAsync"] = "R2 has no bucket ACLs",
        ["PutObjectTaggingAsync"] = "R2 does not support object tagging",
        ["GetObjectTaggingAsync"] = "R2 does not support object tagging",
        ["DeleteObjectTaggingAsync"] = "R2 does not support object tagging",
        ["PutBucketTaggingAsync"] = "R2 does not support bucket tagging",
        ["PutBucketPolicyAsync"] = "R2 has no bucket policies: use API tokens scoped to the bucket",
        ["GetBucketPolicyAsync"] = "R2 has no bucket policies",
        ["PutBucketVersioningAsync"] = "R2 does not support versioning",
        ["GetBucketVersioningAsync"] = "R2 does not support versioning",
        ["ListVersionsAsync"] = "R2 does not support versioning",
        ["PutBucketWebsiteAsync"] = "R2 has no website hosting through S3: use a custom domain",
        ["PutBucketLoggingAsync"] = "R2 has no S3 access logging",
        ["PutBucketReplicationAsync"] = "R2 has no S3 replication",
        ["PutBucketNotificationAsync"] = "R2 event notifications are set up in Cloudflare, not through S3",
        ["PutBucketAccelerateConfigurationAsync"] = "R2 has no transfer acceleration",
        ["PutObjectLegalHoldAsync"] = "R2 object lock is configured as bucket lock rules in Cloudflare",
        ["PutObjectRetentionAsync"] = "R2 object lock is configured as bucket lock rules in Cloudflare",
        ["PutObjectLockConfigurationAsync"] = "R2 object lock is configured as bucket lock rules in Cloudflare",
        ["SelectObjectContentAsync"] = "R2 does not support S3 Select",
        ["RestoreObjectAsync"] = "R2 has no archive tier to restore from",
        ["DoesS3BucketExistAsync"] = "this obsolete check asks for the bucket's ACL, which R2 does not implement: use Amazon.S3.Util.AmazonS3Util.DoesS3BucketExistV2Async (a HEAD request R2 answers)",
    };

    // Operations that work on R2 with a difference a person must check.
    private static readonly Dictionary<string, string> CheckedOperations = new(StringComparer.Ordinal)
    {
        ["GetPreSignedURL"] = "R2 presigned URLs work only on the account's S3 endpoint (https://ACCOUNT_ID.r2.cloudflarestorage.com), not on a custom domain or r2.dev, and only for GET, HEAD, PUT and DELETE; " +
            "check who receives this link, and set the bucket's CORS rules in Cloudflare if a browser uses it",
    };

    // Request properties R2 ignores or rejects.
    private static readonly Dictionary<string, string> UnsupportedProperties = new(StringComparer.Ordinal)
    {
        ["CannedACL"] = "R2 has no ACLs: remove the canned ACL",
        ["Grants"] = "R2 has no ACL grants",
        ["TagSet"] = "R2 does not support object tagging",
        ["ObjectLockMode"] = "R2 object lock is configured as bucket lock rules in Cloudflare",
        ["Protocol"] = "R2 serves presigned URLs over HTTPS only",
    };

    private static void FlagUnsupported(SourceSet sources, string path, SyntaxNode root, SemanticModel model)
    {
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member) continue;
            var name = member.Name.Identifier.ValueText;
            var key = UnsupportedOperations.ContainsKey(name) ? name : UnsupportedOperations.ContainsKey(name + "Async") ? name + "Async" : null;
            var check = CheckedOperations.ContainsKey(name) ? name : name.EndsWith("Async", StringComparison.Ordinal) && CheckedOperations.ContainsKey(name[..^5]) ? name[..^5] : null;
            if (key is null && check is null) continue;
            // The receiver decides: extension methods and members inherited from AWSSDK.Core's ICoreAmazonS3
            // (DoesS3BucketExistAsync) are S3 calls too.
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method
                || !SymbolNames.IsOrDerivesFrom(method.ContainingType, "Amazon.S3.IAmazonS3") && !SymbolNames.IsOrDerivesFrom(model.GetTypeInfo(member.Expression).Type, "Amazon.S3.IAmazonS3")) continue;
            sources.AddManualStep(path, ScopeSearch.LineOf(invocation), key is not null
                ? $"{name}: {UnsupportedOperations[key]}; remove or replace this call."
                : $"{name}: {CheckedOperations[check!]}.");
        }
        foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is not IdentifierNameSyntax property || !UnsupportedProperties.TryGetValue(property.Identifier.ValueText, out var why)) continue;
            if (model.GetSymbolInfo(property).Symbol is not IPropertySymbol symbol || !symbol.ContainingType.ContainingNamespace.ToDisplayString().StartsWith("Amazon.S3", StringComparison.Ordinal)) continue;
            if (symbol.ContainingType.Name.Contains("Acl", StringComparison.Ordinal)) continue; // the ACL call itself is listed
            sources.AddManualStep(path, ScopeSearch.LineOf(assignment), $"{symbol.ContainingType.Name}.{property.Identifier.ValueText}: {why}.");
        }
    }

    private void AddAccountIdSetting(SourceSet sources, (string Path, int Line) reader)
    {
        var accountId = sources.Options.GetValueOrDefault("r2.accountId") ?? "";
        var settings = sources.Paths.Where(RenameConfigurationKey.IsSettings).ToList();
        // No settings file has the section the rewritten code reads: say where to put it rather than invent a file.
        if (!settings.Any(p => sources.Read(p).Contains($"\"{_section}\"", StringComparison.OrdinalIgnoreCase)))
            sources.AddManualStep(reader.Path, reader.Line,
                $"the R2 client reads {_section}:AccountId{(accountId.Length > 0 ? $" ({accountId})" : "")}, {_section}:AccessKeyId and {_section}:SecretAccessKey, which no appsettings file has: add the account id to appsettings.json and the R2 API token's keys to user secrets or the environment.");
        foreach (var path in settings)
        {
            var text = sources.Read(path);
            IReadOnlyList<JsonPropertySpan> properties;
            try
            {
                properties = JsonPropertySpan.Read(text);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }
            var section = properties.FirstOrDefault(p => p.Path.Equals(_section, StringComparison.OrdinalIgnoreCase) && p.ValueKind == System.Text.Json.JsonTokenType.StartObject);
            if (section is null) continue;
            var existing = properties.FirstOrDefault(p => p.Path.Equals($"{_section}:AccountId", StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                if (existing.StringValue is "") sources.AddManualStep(path, TextLines.LineOf(text, existing.ValueStart), $"set {_section}:AccountId to the Cloudflare account id (R2 > Overview), and AccessKeyId/SecretAccessKey to an R2 API token, outside this file.");
                continue;
            }
            var children = properties.Where(p => p.Parent.Equals(section.Path, StringComparison.OrdinalIgnoreCase)).ToList();
            if (children.Count == 0) continue;
            // Insert as the section's first key, with the indentation of the key that follows it.
            var first = children[0];
            var lineStart = text.LastIndexOf('\n', first.NameStart) + 1;
            var indent = text[lineStart..first.NameStart];
            var insert = $"{JsonPropertySpan.Quote("AccountId")}: {JsonPropertySpan.Quote(accountId)},\n{indent}";
            sources.Write(path, text[..first.NameStart] + insert + text[first.NameStart..]);
            if (accountId.Length == 0)
                sources.AddManualStep(path, TextLines.LineOf(text, first.NameStart), $"set {_section}:AccountId to the Cloudflare account id (R2 > Overview), and AccessKeyId/SecretAccessKey to an R2 API token, outside this file.");
        }
    }
}
