using System.Text;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

namespace BehaviourApp;

/// <summary>Stores and reads back a document in S3; credentials from the environment (the SDK's default chain).</summary>
public sealed class Documents
{
    private readonly AmazonS3Client _s3 = new(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), RegionEndpoint.USEast1);

    public async Task<string> RoundTripAsync(string key, string text)
    {
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "documents",
            Key = key,
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
            ContentType = "text/plain",
        });
        using var response = await _s3.GetObjectAsync("documents", key);
        using var reader = new StreamReader(response.ResponseStream);
        return $"{response.ContentLength} bytes: {await reader.ReadToEndAsync()}";
    }
}
