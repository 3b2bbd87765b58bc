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
        return new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(accessKey, secretKey), new Amazon.S3.AmazonS3Config
        {
            // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
            ServiceURL = $"https://{builder.Configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
            ForcePathStyle = true,
            AuthenticationRegion = "auto",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }
}
