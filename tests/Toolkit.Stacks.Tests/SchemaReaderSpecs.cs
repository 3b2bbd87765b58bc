using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Schemas;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests;

/// <summary>Schemas as <c>pulumi package get-schema</c> prints them (integers, enum objects, descriptions, outside refs).</summary>
public sealed class SchemaReaderSpecs
{
    private const string RealFormat = """
        {
          "name": "demo",
          "version": "2.1.0",
          "language": { "nodejs": { "packageName": "@pulumi/demo" } },
          "config": { "variables": { "region": { "type": "string" } } },
          "provider": { "description": "The demo provider.", "inputProperties": { "region": { "type": "string", "description": "Where." } } },
          "resources": {
            "demo:storage/bucket:Bucket": {
              "description": "A bucket.",
              "properties": { "arn": { "type": "string" } },
              "inputProperties": {
                "replicas": { "type": "integer", "description": "How many.", "default": 1 },
                "tier": { "$ref": "#/types/demo:storage%2FTier:Tier" },
                "lifecycle": { "$ref": "#/types/demo:storage/Lifecycle:Lifecycle" },
                "policy": { "$ref": "/aws/v7.0.0/schema.json#/types/aws:iam%2Fdocuments:PolicyDocument" },
                "labels": { "type": "object", "additionalProperties": { "type": "string" } }
              },
              "requiredInputs": [ "tier" ]
            }
          },
          "types": {
            "demo:storage/Tier:Tier": { "type": "string", "enum": [ { "name": "Hot", "value": "hot" }, { "name": "Cold", "value": "cold", "description": "Cheap." } ] },
            "demo:storage/Lifecycle:Lifecycle": { "type": "object", "properties": { "days": { "type": "integer" } }, "required": [ "days" ] }
          }
        }
        """;

    private static IReadOnlyList<Diagnostic> Validate(PackageSchema schema, params (string, Value?)[] properties) =>
        new SchemaValidator(new SchemaSet([schema])).Validate(new PulumiProgram
        {
            ProjectName = "p",
            StackName = "s",
            Resources = [new Resource("b", "demo:storage/bucket:Bucket", Expr.Map(properties))],
        });

    [Fact]
    public void I_can_read_a_schema_in_the_get_schema_format()
    {
        using var temp = new TempDirectory();
        var schema = SchemaReader.ReadFile(temp.Write("demo.schema.json", RealFormat));

        Assert.Equal("2.1.0", schema.Version);
        Assert.Empty(Validate(schema, ("replicas", 2), ("tier", "cold"), ("lifecycle", Expr.Map(("days", 30))),
            ("policy", Expr.Map(("Version", "2012-10-17"))), ("labels", Expr.Map(("team", "core")))));
        var errors = Validate(schema, ("replicas", 2.5), ("tier", "warm"), ("lifecycle", MapValue.Empty), ("labels", Expr.Map(("team", 1))));
        Assert.Equal(
            [SchemaValidator.Codes.WrongKind, SchemaValidator.Codes.BadEnum, SchemaValidator.Codes.MissingRequired, SchemaValidator.Codes.WrongKind],
            errors.Select(e => e.Code));
        Assert.Contains("'lifecycle.days'", errors[2].Message);
        Assert.Contains("'labels.team'", errors[3].Message);
    }

    [Fact]
    public void I_get_a_located_error_for_a_file_that_is_not_a_schema()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.schema.json", "{ \"name\": \"x\",\n  \"resources\": { ");

        var error = Assert.Throws<DiagnosticException>(() => SchemaReader.ReadFile(path)).Diagnostics.Single();

        Assert.Equal("TK-SCHEMA-READ", error.Code);
        Assert.Equal(path, error.Location!.File);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void The_embedded_schemas_are_the_whole_provider_schemas()
    {
        Assert.Equal(["aws", "cloudflare", "kubernetes", "random"], SchemaSet.Embedded.Packages);
        var aws = SchemaSet.Embedded.Package("aws")!;
        Assert.True(aws.Resources.Count > 1500, $"aws has {aws.Resources.Count} resources");
        // Types no stack emits are there too, so synth validates anything a stack definition grows into.
        Assert.True(aws.Resources.ContainsKey("aws:sagemaker/domain:Domain"));
        Assert.True(SchemaSet.Embedded.Package("kubernetes")!.Resources.ContainsKey("kubernetes:batch/v1:CronJob"));
    }

    [Fact]
    public void The_embedded_schemas_match_the_shared_files_when_they_are_beside_the_clone()
    {
        var shared = Path.Combine(RepositoryRoot.Shared, "pulumi-schemas");
        foreach (var package in SchemaSet.Embedded.Packages)
        {
            var file = Path.Combine(shared, $"{package}.schema.json");
            // On a fresh clone there is no ../shared: the embedded copy is then the only one, nothing to compare.
            if (!File.Exists(file)) continue;
            using var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(Support.Schemas.EmbeddedDirectory, $"{package}.schema.json.gz")),
                System.IO.Compression.CompressionMode.Decompress);
            using var embedded = new MemoryStream();
            gz.CopyTo(embedded);
            Assert.True(embedded.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{package}: the embedded schema is stale; run scripts/refresh-schemas.sh");
        }
    }

    [Fact]
    public void I_can_read_a_directory_of_gzipped_schemas()
    {
        var set = SchemaSet.FromDirectory(Support.Schemas.EmbeddedDirectory);

        Assert.Equal(SchemaSet.Embedded.Packages, set.Packages);
        Assert.Equal(SchemaSet.Embedded.Package("random")!.Resources.Keys.Order(), set.Package("random")!.Resources.Keys.Order());
    }
}
