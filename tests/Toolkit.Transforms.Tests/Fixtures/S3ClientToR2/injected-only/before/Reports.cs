using Amazon.S3;

namespace App;

// The client is registered by another project: nothing here creates it.
public sealed class Reports
{
    private readonly IAmazonS3 _s3;

    public Reports(IAmazonS3 s3) => _s3 = s3;

    public Task<bool> Exists(string key) =>
        _s3.GetObjectMetadataAsync("reports", key).ContinueWith(t => t.IsCompletedSuccessfully);
}
