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
            // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
            ServiceURL = $"https://{configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            Timeout = TimeSpan.FromSeconds(20),
        });
    }

    public IAmazonS3 Client => _s3;
}

public static class Worker
{
    public static IAmazonS3 Create() => new AmazonS3Client(new AmazonS3Config { ServiceURL = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3"), AuthenticationRegion = "auto" });

    // Already AWS S3: left alone.
    public static IAmazonS3 Aws() => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 });
}
