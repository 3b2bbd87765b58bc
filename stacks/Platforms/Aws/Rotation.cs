using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// Rotation of generated database credentials: AWS's own single-user PostgreSQL rotation function, deployed once per
/// stack from the Serverless Application Repository into the primary region's private subnets (with the application's
/// security group, which the databases admit), its log group created first, and a rotation schedule on each secret.
/// </summary>
public static class Rotation
{
    /// <summary>The Serverless Application Repository application AWS publishes for PostgreSQL single-user rotation.</summary>
    public const string ApplicationId = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser";

    /// <summary>Logical name of the rotation function's stack.</summary>
    public const string FunctionResource = "rotation-function";

    /// <summary>Adds the rotation of <paramref name="secret"/> (and the function, the first time).</summary>
    public static Resource Add(StackScope scope, string name, Resource secret, Resource version, RegionalFoundation primary, Resource? key)
    {
        var function = scope.Program.Find(FunctionResource) ?? AddFunction(scope, primary);
        return scope.Aws(name, "aws:secretsmanager/secretRotation:SecretRotation", Expr.Map(
            ("secretId", secret.Output("id")),
            ("rotationLambdaArn", function.Output("outputs[\"RotationLambdaARN\"]")),
            ("rotationRules", Expr.Map(("automaticallyAfterDays", Naming.SecretRotationDays)))), primary.Region,
            new ResourceOptions { DependsOn = [version.Name] });
    }

    private static Resource AddFunction(StackScope scope, RegionalFoundation primary)
    {
        var functionName = $"{scope.Prefix}-secret-rotation";
        var logs = Logging.AddLogGroup(scope, "rotation-function-logs", $"/aws/lambda/{functionName}", primary.Region, primary.Key);
        return scope.Aws(FunctionResource, "aws:serverlessrepository/cloudFormationStack:CloudFormationStack", Expr.Map(
            ("name", functionName),
            ("applicationId", ApplicationId),
            ("capabilities", Expr.Strings(["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"])),
            ("parameters", Expr.Map(
                ("functionName", functionName),
                ("endpoint", $"https://secretsmanager.{primary.Region}.amazonaws.com"),
                ("vpcSubnetIds", Expr.JoinList(",", primary.Network.PrivateSubnetIds)),
                ("vpcSecurityGroupIds", primary.Network.AppGroupId),
                ("kmsKeyArn", primary.Key?.Output("arn"))))), primary.Region,
            new ResourceOptions { DependsOn = [logs.Name] });
    }
}
