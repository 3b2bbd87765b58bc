using Amazon;
using Amazon.S3;

namespace App;

public static class Registration
{
    // A factory registration: the configuration is a parameter of the extension method.
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration) =>
        services.AddKeyedSingleton<IAmazonS3>("archive", (_, _) =>
            new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(configuration["Archive:AccessKey"], configuration["Archive:SecretKey"]), new Amazon.S3.AmazonS3Config
            {
                // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
                ServiceURL = $"https://{configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
                ForcePathStyle = true,
                AuthenticationRegion = "auto",
                RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
            }));
}
