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
    public void I_can_refresh_the_embedded_subset_and_get_the_same_bytes()
    {
        var coverage = StackCoverage.ResourceTypes();

        foreach (var (package, types) in coverage)
        {
            var extracted = SchemaExtractor.Gzip(SchemaExtractor.Extract(Path.Combine(Support.Schemas.SharedDirectory, $"{package}.schema.json"), types));
            var embedded = File.ReadAllBytes(RepositoryRoot.Combine("stacks", "Schemas", "Embedded", $"{package}.schema.json.gz"));
            Assert.True(extracted.SequenceEqual(embedded), $"{package}: the embedded subset is stale; run scripts/refresh-schemas.sh");
        }
        Assert.Equal(coverage.Keys, SchemaSet.Embedded.Packages);
    }
}
