using Npgsql;

var builder = WebApplication.CreateBuilder(args);

// Production reads the Neon string from the environment, development from user secrets.
var connectionString = Environment.GetEnvironmentVariable("NEON_CONN_STRING")
    ?? builder.Configuration.GetConnectionString("Default");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString!));

var app = builder.Build();
app.Run();
