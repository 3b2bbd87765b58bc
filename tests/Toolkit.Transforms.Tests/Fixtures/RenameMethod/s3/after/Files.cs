using Amazon.S3;
using Amazon.S3.Model;

namespace App;

public sealed class Files(IAmazonS3 s3)
{
    public Task<GetObjectResponse> Open(string bucket, string key, CancellationToken ct) =>
        s3.GetObjectStreamAsync(bucket, key, /* cancellation */ ct);

    // Same name, other type: unchanged.
    public Task<GetObjectResponse> GetObjectAsync(string bucket, string key, CancellationToken ct) => Open(bucket, key, ct);

    public Task<GetObjectResponse> Again(CancellationToken ct) => GetObjectAsync("b", "k", ct);
}
