using Amazon.S3;
using Microsoft.Extensions.Configuration;

namespace App;

public sealed class Media
{
    private readonly IAmazonS3 _s3;

    public Media(IConfiguration configuration)
    {
        _s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(configuration["Storage:AccessKeyId"], configuration["Storage:SecretAccessKey"]), new AmazonS3Config
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(configuration["Storage:Region"] ?? "us-east-1"),
            Timeout = TimeSpan.FromSeconds(20),
        });
    }

    public IAmazonS3 Client => _s3;
}

public static class Worker
{
    public static IAmazonS3 Create() => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(System.Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1") });

    // Already AWS S3: left alone.
    public static IAmazonS3 Aws() => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 });
}
