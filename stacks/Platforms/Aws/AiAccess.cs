using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// <c>ai: aws-bedrock</c>: the workload roles may call <c>bedrock:InvokeModel</c> and
/// <c>bedrock:InvokeModelWithResponseStream</c> on the models of stack config <see cref="ModelsKey"/> only (by default
/// <see cref="DefaultModel"/> in every region of the stack); model calls stay in the account and region.
/// </summary>
public static class AiAccess
{
    /// <summary>Stack config key listing the model (or inference profile) ARNs the services may invoke.</summary>
    public const string ModelsKey = "bedrockModelArns";

    /// <summary>The foundation model allowed when nothing else is chosen (on demand in most regions).</summary>
    public const string DefaultModel = "anthropic.claude-3-haiku-20240307-v1:0";

    /// <summary>The ARN of foundation model <paramref name="modelId"/> in <paramref name="region"/>.</summary>
    public static string FoundationModelArn(string region, string modelId) => $"arn:aws:bedrock:{region}::foundation-model/{modelId}";

    /// <summary>Declares the model list (defaulting to <see cref="DefaultModel"/> per region); returns the IAM statement.</summary>
    public static Value Add(StackScope scope)
    {
        var models = scope.Program.Config(new ConfigDeclaration(ModelsKey, ConfigType.StringList,
            Expr.Strings(scope.Context.Regions.Select(r => FoundationModelArn(r, DefaultModel)))));
        return Expr.Map(
            ("Sid", "Models"), ("Effect", "Allow"),
            ("Action", Expr.Strings(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"])),
            ("Resource", models.Ref));
    }

    /// <summary>What the services of <paramref name="region"/> are told: Bedrock in their own region.</summary>
    public static IEnumerable<(string Name, Value Value)> Environment(string region) => [("BEDROCK_REGION", region)];
}
