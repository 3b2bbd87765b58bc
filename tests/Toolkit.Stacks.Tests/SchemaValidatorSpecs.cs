using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Schemas;

namespace Toolkit.Stacks.Tests;

/// <summary>Each kind of schema violation stops synth with the resource and the property named.</summary>
public sealed class SchemaValidatorSpecs
{
    private static PulumiProgram ProgramWith(params Resource[] resources) => new()
    {
        ProjectName = "acme",
        StackName = "prod",
        Config = [new ConfigDeclaration("greenWeight", ConfigType.Integer, 0)],
        Resources = [new Resource("aws-us-east-1", "pulumi:providers:aws", Expr.Map(("region", "us-east-1"))), .. resources],
    };

    private static IReadOnlyList<Diagnostic> Validate(Resource resource) =>
        new SchemaValidator(SchemaSet.Embedded).Validate(ProgramWith(resource));

    private static Resource Bucket(params (string, Value?)[] properties) =>
        new("assets", "aws:s3/bucketVersioning:BucketVersioning", Expr.Map(properties)) { Options = new ResourceOptions { Provider = "aws-us-east-1" } };

    [Fact]
    public void I_can_trust_a_valid_resource_to_pass()
    {
        var errors = Validate(Bucket(("bucket", "b"), ("versioningConfiguration", Expr.Map(("status", "Enabled")))));

        Assert.Empty(errors);
    }

    [Fact]
    public void I_get_an_error_for_an_unknown_type_token()
    {
        var errors = Validate(new Resource("db", "aws:rds/clustr:Cluster", Expr.Map(("engine", "aurora-postgresql"))));

        var error = Assert.Single(errors);
        Assert.Equal(SchemaValidator.Codes.UnknownType, error.Code);
        Assert.Contains("resource 'db'", error.Message);
        Assert.Contains("'aws:rds/clustr:Cluster'", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_an_unknown_nested_property()
    {
        var errors = Validate(Bucket(("bucket", "b"), ("versioningConfiguration", Expr.Map(("state", "Enabled")))));

        var error = Assert.Single(errors, e => e.Code == SchemaValidator.Codes.UnknownProperty);
        Assert.Contains("did you mean 'status'", error.Message);
        Assert.Contains("resource 'assets'", error.Message);
        Assert.Contains("'versioningConfiguration.state'", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_a_value_of_the_wrong_kind()
    {
        var errors = Validate(new Resource("vpc", "aws:ec2/vpc:Vpc", Expr.Map(("cidrBlock", "10.0.0.0/16"), ("enableDnsSupport", "yes"))));

        var error = Assert.Single(errors);
        Assert.Equal(SchemaValidator.Codes.WrongKind, error.Code);
        Assert.Contains("resource 'vpc'", error.Message);
        Assert.Contains("'enableDnsSupport'", error.Message);
        Assert.Contains("a boolean", error.Message);
    }

    [Fact]
    public void I_can_give_an_integer_where_a_number_is_declared_but_not_a_string()
    {
        var ok = Validate(new Resource("logs", "aws:cloudwatch/logGroup:LogGroup", Expr.Map(("retentionInDays", 365))));
        var bad = Validate(new Resource("logs", "aws:cloudwatch/logGroup:LogGroup", Expr.Map(("retentionInDays", "365"))));

        Assert.Empty(ok);
        Assert.Equal(SchemaValidator.Codes.WrongKind, Assert.Single(bad).Code);
    }

    [Fact]
    public void I_get_an_error_for_a_missing_required_input()
    {
        var errors = Validate(Bucket(("bucket", "b")));

        var error = Assert.Single(errors);
        Assert.Equal(SchemaValidator.Codes.MissingRequired, error.Code);
        Assert.Contains("resource 'assets'", error.Message);
        Assert.Contains("'versioningConfiguration'", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_a_value_outside_an_enum()
    {
        // The shared schemas declare few enums directly, so this one is written the way get-schema prints them.
        var package = new PackageSchema("demo", "1.0.0",
            new ObjectSchema(new Dictionary<string, TypeSpec>(), new HashSet<string>()),
            new Dictionary<string, ObjectSchema>
            {
                ["demo:index:Thing"] = new(new Dictionary<string, TypeSpec> { ["tier"] = new(null, "#/types/demo:index:Tier") }, new HashSet<string>()),
            },
            new Dictionary<string, NamedType> { ["demo:index:Tier"] = new("demo:index:Tier", null, ["gold", "silver"]) });
        var program = new PulumiProgram { ProjectName = "p", StackName = "s", Resources = [new Resource("thing", "demo:index:Thing", Expr.Map(("tier", "bronze")))] };

        var error = Assert.Single(new SchemaValidator(new SchemaSet([package])).Validate(program));

        Assert.Equal(SchemaValidator.Codes.BadEnum, error.Code);
        Assert.Contains("resource 'thing'", error.Message);
        Assert.Contains("'tier' is 'bronze'", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_a_reference_to_nothing_declared()
    {
        var errors = Validate(Bucket(("bucket", Expr.Format("${asset-bucket.id}")), ("versioningConfiguration", Expr.Map(("status", "Enabled")))));

        var error = Assert.Single(errors);
        Assert.Equal(SchemaValidator.Codes.DanglingReference, error.Code);
        Assert.Contains("resource 'assets'", error.Message);
        Assert.Contains("'bucket'", error.Message);
        Assert.Contains("'asset-bucket'", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_an_option_naming_a_missing_provider()
    {
        var resource = Bucket(("bucket", "b"), ("versioningConfiguration", Expr.Map(("status", "Enabled")))) with
        {
            Options = new ResourceOptions { Provider = "aws-eu-west-9" },
        };

        var error = Assert.Single(Validate(resource));

        Assert.Equal(SchemaValidator.Codes.DanglingReference, error.Code);
        Assert.Contains("option 'provider' names 'aws-eu-west-9'", error.Message);
    }

    [Fact]
    public void I_can_refer_to_config_keys_and_escape_literal_dollars()
    {
        var resource = new Resource("logs", "aws:cloudwatch/logGroup:LogGroup", Expr.Map(
            ("retentionInDays", Expr.Ref("greenWeight")),
            ("name", Expr.Format("cost-$${not-a-ref}"))));

        Assert.Empty(Validate(resource));
    }
}
