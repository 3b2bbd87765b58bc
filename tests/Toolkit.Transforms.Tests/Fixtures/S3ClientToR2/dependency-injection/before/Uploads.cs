using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace App;

// The client comes from DI (a primary-constructor parameter); TransferUtility follows it.
public sealed class Uploads(IAmazonS3 s3)
{
    private readonly TransferUtility _transfer = new(s3);

    public Task UploadLarge(string path) =>
        _transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "media", Key = Path.GetFileName(path), FilePath = path });

    public string Link(string key) =>
        s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddMinutes(10), Protocol = Protocol.HTTP });

    public Task MakePublic(string key) =>
        s3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = "media", Key = key, ACL = S3CannedACL.PublicRead });
}
