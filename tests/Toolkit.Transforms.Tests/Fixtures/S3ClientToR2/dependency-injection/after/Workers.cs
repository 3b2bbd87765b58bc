using Amazon.S3;

namespace App;

public static class Workers
{
    // The container picks AmazonS3Client's constructor itself (AWS defaults: region, credentials, endpoint).
    public static IServiceCollection AddWorkers(this IServiceCollection services) => services.AddScoped<IAmazonS3>(_ => new Amazon.S3.AmazonS3Client(new Amazon.S3.AmazonS3Config
    {
        // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
        ServiceURL = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? throw new System.InvalidOperationException("Set AWS_ENDPOINT_URL_S3 to the Cloudflare R2 endpoint, https://ACCOUNT_ID.r2.cloudflarestorage.com."),
        ForcePathStyle = true,
        AuthenticationRegion = "auto",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    }));
}
