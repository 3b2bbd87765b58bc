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
        _s3 = new AmazonS3Client(RegionEndpoint.USEast1); // credentials from the AWS profile today
    }

    public Task Put(string key, Stream body) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = "docs", Key = key, InputStream = body, CannedACL = S3CannedACL.PublicRead });

    public Task Tag(string key) =>
        _s3.PutObjectTaggingAsync(new PutObjectTaggingRequest { BucketName = "docs", Key = key, Tagging = new Tagging() });
}

public static class Factory
{
    // No configuration in scope: the endpoint comes from the environment.
    public static IAmazonS3 Create() => new AmazonS3Client("key", "secret", RegionEndpoint.EUWest1);
}
