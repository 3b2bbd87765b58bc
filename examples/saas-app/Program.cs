using SaasApp.Data;
using SaasApp.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<AssistantService>();
builder.Services.AddSingleton<DocumentStore>();
builder.Services.AddSingleton<TenantRepository>();

var app = builder.Build();

app.MapGet("/tenants", async (TenantRepository tenants, CancellationToken ct) =>
    Results.Ok(await tenants.ListAsync(ct)));

app.MapPost("/tenants/{tenantId}/documents/{name}", async (string tenantId, string name, HttpRequest request, DocumentStore documents, CancellationToken ct) =>
{
    await documents.UploadAsync(tenantId, name, request.Body, request.ContentType ?? "application/octet-stream", ct);
    return Results.Created($"/tenants/{tenantId}/documents/{name}", null);
});

app.MapGet("/tenants/{tenantId}/documents", async (string tenantId, DocumentStore documents, CancellationToken ct) =>
    Results.Ok(await documents.ListAsync(tenantId, ct)));

app.MapGet("/tenants/{tenantId}/documents/{name}/link", async (string tenantId, string name, DocumentStore documents) =>
    Results.Ok(new { url = await documents.ShareLinkAsync(tenantId, name, TimeSpan.FromMinutes(15)) }));

app.MapPost("/tenants/{tenantId}/documents/{name}/summary", async (string tenantId, string name, DocumentStore documents, AssistantService assistant, CancellationToken ct) =>
{
    var text = await documents.ReadTextAsync(tenantId, name, ct);
    return Results.Ok(new { summary = await assistant.SummarizeAsync(text, ct) });
});

app.Run();
