using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SaasApp.Services;

/// <summary>Stores each tenant's documents under its own key prefix in one bucket.</summary>
public sealed class DocumentStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public DocumentStore(IConfiguration configuration)
    {
        _bucket = configuration["Storage:BucketName"] ?? "saas-app-documents";
        var credentials = new BasicAWSCredentials(configuration["Storage:AccessKeyId"], configuration["Storage:SecretAccessKey"]);
        _s3 = new AmazonS3Client(credentials, new Amazon.S3.AmazonS3Config
        {
            // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
            ServiceURL = $"https://{configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public async Task UploadAsync(string tenantId, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = $"{tenantId}/{name}",
            InputStream = content,
            ContentType = contentType,
            DisablePayloadSigning = true,
            DisableDefaultChecksumValidation = true,
        }, cancellationToken);

        // Documents are private to the tenant.
        await _s3.PutObjectAclAsync(new PutObjectAclRequest
        {
            BucketName = _bucket,
            Key = $"{tenantId}/{name}",
            ACL = S3CannedACL.Private,
        }, cancellationToken);
    }

    public async Task<string> ReadTextAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(_bucket, $"{tenantId}/{name}", cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var response = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = $"{tenantId}/" }, cancellationToken);
        return (response.S3Objects ?? []).Select(o => o.Key[(tenantId.Length + 1)..]).ToList();
    }

    public Task DeleteAsync(string tenantId, string name, CancellationToken cancellationToken) =>
        _s3.DeleteObjectAsync(_bucket, $"{tenantId}/{name}", cancellationToken);

    public Task<string> ShareLinkAsync(string tenantId, string name, TimeSpan lifetime) =>
        _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = $"{tenantId}/{name}",
            Expires = DateTime.UtcNow.Add(lifetime),
            Verb = HttpVerb.GET,
        });
}
