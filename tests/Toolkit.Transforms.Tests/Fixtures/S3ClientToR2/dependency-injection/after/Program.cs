using Amazon.S3;
using App;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDefaultAWSOptions(builder.Configuration.GetAWSOptions());
builder.Services.AddSingleton<Amazon.S3.IAmazonS3>(_ => new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(builder.Configuration["Storage:AccessKeyId"], builder.Configuration["Storage:SecretAccessKey"]), new Amazon.S3.AmazonS3Config
{
    // Cloudflare R2: one endpoint per account, path-style addressing, region "auto".
    ServiceURL = $"https://{builder.Configuration["Storage:AccountId"]}.r2.cloudflarestorage.com",
    ForcePathStyle = true,
    AuthenticationRegion = "auto",
    RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
    ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
}));
builder.Services.AddSingleton<Uploads>();

var app = builder.Build();
app.Run();
