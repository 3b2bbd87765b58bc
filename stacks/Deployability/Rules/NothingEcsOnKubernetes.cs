using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>On Kubernetes compute the program creates no ECS, load balancer, task role or network of its own.</summary>
public sealed class NothingEcsOnKubernetes : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-UNUSED-ECS";

    /// <inheritdoc />
    public override string Reason =>
        "ECS resources, an ALB or a second VPC beside an existing cluster cost money and serve nothing; a data tier in a VPC the cluster cannot reach is unusable.";

    private static readonly string[] Forbidden = ["aws:ecs/", "aws:lb/", "aws:ec2/vpc:", "aws:ec2/natGateway:", "aws:ec2/internetGateway:"];

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        if (!program.OnKubernetes) yield break;
        foreach (var resource in program.Program.Resources)
        {
            if (Forbidden.Any(f => resource.Type.StartsWith(f, StringComparison.Ordinal)))
                yield return new Finding(resource.Name, $"is {resource.Type} on Kubernetes compute");
            else if (resource.Type == Types.IamRole && ProgramFacts.Items(ProgramFacts.At(resource["assumeRolePolicy"], "Statement"))
                         .Any(s => ProgramFacts.Text(ProgramFacts.At(s, "Principal.Service")) == WorkloadIdentity.EcsPrincipal))
                yield return new Finding(resource.Name, "is an ECS task role on Kubernetes compute");
        }
    }
}
