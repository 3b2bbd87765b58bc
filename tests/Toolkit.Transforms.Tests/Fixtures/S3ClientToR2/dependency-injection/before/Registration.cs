using Amazon;
using Amazon.S3;

namespace App;

public static class Registration
{
    // A factory registration: the configuration is a parameter of the extension method.
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration) =>
        services.AddKeyedSingleton<IAmazonS3>("archive", (_, _) =>
            new AmazonS3Client(configuration["Archive:AccessKey"], configuration["Archive:SecretKey"], RegionEndpoint.USEast1));
}
