using Amazon.S3;

namespace App;

public static class Workers
{
    // The container picks AmazonS3Client's constructor itself (AWS defaults: region, credentials, endpoint).
    public static IServiceCollection AddWorkers(this IServiceCollection services) => services.AddScoped<IAmazonS3, AmazonS3Client>();
}
