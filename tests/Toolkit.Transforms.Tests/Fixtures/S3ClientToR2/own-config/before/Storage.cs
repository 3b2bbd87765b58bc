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
            RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region), // where the bucket lives
            Timeout = TimeSpan.FromSeconds(30),
        });
    }

    public Task Store(string key, Stream body) =>
        _client.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = key, InputStream = body });
}

public static class Clients
{
    // A config local whose endpoint the app already reads (MinIO in development).
    public static IAmazonS3 FromSettings(StorageOptions settings)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = settings.ServiceUrl,
            ForcePathStyle = false
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
