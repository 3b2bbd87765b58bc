using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace App;

public sealed class StorageOptions
{
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string? ServiceUrl { get; set; }
}

// Its own config with a region, and no IConfiguration in scope (options instead).
public sealed class Archive
{
    private readonly AmazonS3Client _client;

    public Archive(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        _client = new AmazonS3Client(settings.AccessKey, settings.SecretKey, new AmazonS3Config
        {
            Timeout = TimeSpan.FromSeconds(30),
            ServiceURL = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? throw new System.InvalidOperationException("Set AWS_ENDPOINT_URL_S3 to the Cloudflare R2 endpoint, https://ACCOUNT_ID.r2.cloudflarestorage.com."),
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public Task Store(string key, Stream body) =>
        _client.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = key, InputStream = body, DisablePayloadSigning = true, DisableDefaultChecksumValidation = true });
}

public static class Clients
{
    // A config local whose endpoint the app already reads (MinIO in development).
    public static IAmazonS3 FromSettings(StorageOptions settings)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = settings.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED
        };
        return new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    // Changed after it is built: a person decides.
    public static IAmazonS3 Tuned()
    {
        var config = new AmazonS3Config();
        config.RegionEndpoint = RegionEndpoint.EUWest1;
        return new AmazonS3Client(config);
    }

    // Given by the caller: the config is built elsewhere.
    public static IAmazonS3 With(AmazonS3Config config) => new AmazonS3Client(config);
}
