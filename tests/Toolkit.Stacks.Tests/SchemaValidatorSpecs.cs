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

    private static IReadOnlyList<Diagnostic> ValidateWith(IReadOnlyList<Variable> variables, params Resource[] resources) =>
        new SchemaValidator(SchemaSet.Embedded).Validate(ProgramWith(resources) with { Variables = variables });

    private static Resource Bucket(string name) =>
        new(name, "aws:s3/bucket:Bucket", Expr.Map(("bucket", name))) { Options = new ResourceOptions { Provider = "aws-us-east-1" } };

    [Fact]
    public void I_can_read_the_outputs_a_resource_type_declares()
    {
        var versioning = Bucket(("bucket", Expr.Format("${uploads.bucket}")), ("versioningConfiguration", Expr.Map(("status", "Enabled"))))
            with { Options = new ResourceOptions { Provider = "aws-us-east-1", DependsOn = ["uploads"] } };
        var policy = new Resource("uploads-arn", "aws:ssm/parameter:Parameter", Expr.Map(("type", "String"), ("value", Expr.Format("${uploads.arn} ${uploads.id} ${uploads.urn}"))));

        Assert.Empty(ValidateWith([], Bucket("uploads"), versioning, policy));
    }

    [Fact]
    public void I_get_an_error_for_a_reference_to_an_output_the_type_does_not_have()
    {
        var parameter = new Resource("uploads-arn", "aws:ssm/parameter:Parameter", Expr.Map(("type", "String"), ("value", Expr.Format("${uploads.bucketArn}"))));

        var error = Assert.Single(ValidateWith([], Bucket("uploads"), parameter));

        Assert.Equal(SchemaValidator.Codes.UnknownOutput, error.Code);
        Assert.Contains("resource 'uploads-arn'", error.Message);
        Assert.Contains("'value'", error.Message);
        Assert.Contains("aws:s3/bucket:Bucket has no output 'bucketArn'", error.Message);
    }

    [Fact]
    public void I_can_invoke_a_provider_function_and_read_its_result()
    {
        var zones = new Variable("zones", new InvokeValue("aws:index/getAvailabilityZones:getAvailabilityZones", Expr.Map(("state", "available")), null, "aws-us-east-1"));
        var account = new Variable("account", new InvokeValue("aws:index/getCallerIdentity:getCallerIdentity", Expr.Map(), "accountId", "aws-us-east-1"));
        var parameter = new Resource("where", "aws:ssm/parameter:Parameter", Expr.Map(("type", "String"), ("value", Expr.Format("${zones.names[0]} ${account}"))));

        Assert.Empty(ValidateWith([zones, account], parameter));
    }

    [Fact]
    public void I_get_an_error_for_an_invoke_of_a_function_the_provider_does_not_have()
    {
        var zones = new Variable("zones", new InvokeValue("aws:index/getAvailabilityZone:getAvailabilityZones", Expr.Map(), null));

        var error = Assert.Single(ValidateWith([zones]));

        Assert.Equal(SchemaValidator.Codes.UnknownFunction, error.Code);
        Assert.Contains("variable 'zones'", error.Message);
        Assert.Contains("'aws:index/getAvailabilityZone:getAvailabilityZones', which does not exist in the aws schema", error.Message);
    }

    [Fact]
    public void I_get_an_error_for_an_invoke_argument_or_result_field_the_function_does_not_have()
    {
        var zones = new Variable("zones", new InvokeValue("aws:index/getAvailabilityZones:getAvailabilityZones", Expr.Map(("status", "available")), "name"));

        var errors = ValidateWith([zones]);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Code == SchemaValidator.Codes.UnknownProperty && e.Message.Contains("'fn::invoke.status' is not an input of aws:index/getAvailabilityZones:getAvailabilityZones (did you mean 'state'?)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == SchemaValidator.Codes.UnknownOutput && e.Message.Contains("has no field 'name' (did you mean 'names'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void I_get_an_error_for_reading_a_field_an_invoked_result_does_not_have()
    {
        var zones = new Variable("zones", new InvokeValue("aws:index/getAvailabilityZones:getAvailabilityZones", Expr.Map(), null));
        var parameter = new Resource("where", "aws:ssm/parameter:Parameter", Expr.Map(("type", "String"), ("value", Expr.Format("${zones.zones[0]}"))));

        var error = Assert.Single(ValidateWith([zones], parameter));

        Assert.Equal(SchemaValidator.Codes.UnknownOutput, error.Code);
        Assert.Contains("the result of aws:index/getAvailabilityZones:getAvailabilityZones has no output 'zones'", error.Message);
    }
}
