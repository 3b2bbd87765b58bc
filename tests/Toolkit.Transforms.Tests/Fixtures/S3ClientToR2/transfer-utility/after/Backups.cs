using Amazon;
using Amazon.S3.Transfer;

namespace App;

public static class Backups
{
    // TransferUtility that makes its own client from keys and a region.
    public static TransferUtility Create(string key, string secret) => new TransferUtility(new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(key, secret), new Amazon.S3.AmazonS3Config
    {
        // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
        ServiceURL = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? throw new System.InvalidOperationException("Set AWS_ENDPOINT_URL_S3 to the Cloudflare R2 endpoint, https://ACCOUNT_ID.r2.cloudflarestorage.com."),
        ForcePathStyle = true,
        AuthenticationRegion = "auto",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    }));

    public static Task Upload(TransferUtility transfer, string file) =>
        transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = "backups",
            FilePath = file,
            PartSize = 16 * 1024 * 1024,
            DisablePayloadSigning = true,
            DisableDefaultChecksumValidation = true,
        });
}
