using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;

namespace App;

public sealed class Blobs
{
    private readonly IConfiguration _configuration;
    private readonly AmazonS3Client _s3;

    public Blobs(IConfiguration configuration)
    {
        _configuration = configuration;
        _s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(configuration["Storage:AccessKeyId"], configuration["Storage:SecretAccessKey"]), new Amazon.S3.AmazonS3Config
        {
            // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
            ServiceURL = $"https://{configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        }); // credentials from the AWS profile today
    }

    public Task Put(string key, Stream body) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = "docs", Key = key, InputStream = body, CannedACL = S3CannedACL.PublicRead, DisablePayloadSigning = true, DisableDefaultChecksumValidation = true });

    public Task Tag(string key) =>
        _s3.PutObjectTaggingAsync(new PutObjectTaggingRequest { BucketName = "docs", Key = key, Tagging = new Tagging() });
}

public static class Factory
{
    // No configuration in scope: the endpoint comes from the environment.
    public static IAmazonS3 Create() => new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("key", "secret"), new Amazon.S3.AmazonS3Config
    {
        // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
        ServiceURL = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? throw new System.InvalidOperationException("Set AWS_ENDPOINT_URL_S3 to the Cloudflare R2 endpoint, https://ACCOUNT_ID.r2.cloudflarestorage.com."),
        ForcePathStyle = true,
        AuthenticationRegion = "auto",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
