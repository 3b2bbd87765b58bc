using Amazon;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;

namespace App;

public static class SectionClients
{
    // Keys and region come from an "AWS" section held in a local; the configuration itself is the builder's.
    public static IAmazonS3 Create(WebApplicationBuilder builder)
    {
        var aws = builder.Configuration.GetSection("AWS");
        var accessKey = aws["AccessKey"]!;
        var secretKey = aws["SecretKey"]!;
        return new AmazonS3Client(accessKey, secretKey, RegionEndpoint.GetBySystemName(aws["Region"]));
    }
}
