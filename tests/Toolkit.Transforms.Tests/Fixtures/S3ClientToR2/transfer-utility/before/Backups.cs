using Amazon;
using Amazon.S3.Transfer;

namespace App;

public static class Backups
{
    // TransferUtility that makes its own client from keys and a region.
    public static TransferUtility Create(string key, string secret) => new TransferUtility(key, secret, RegionEndpoint.USWest2);

    public static Task Upload(TransferUtility transfer, string file) =>
        transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = "backups",
            FilePath = file,
            PartSize = 16 * 1024 * 1024,
        });
}
