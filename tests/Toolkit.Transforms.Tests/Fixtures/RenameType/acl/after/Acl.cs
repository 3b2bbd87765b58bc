using Amazon.S3;
using Amazon.S3.Model;

namespace App;

public static class Acl
{
    public static PutACLRequest Private(string bucket, string key) =>
        new PutACLRequest { BucketName = bucket, Key = key, ACL = S3CannedACL.Private };

    // A local type with the same simple name is not touched.
    private sealed class PutObjectAclRequestLog { }
}
