using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>ECS tasks have a task role; Kubernetes pods run as a service account with an EKS Pod Identity association.</summary>
public sealed class WorkloadsHaveIdentity : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-WORKLOAD-IDENTITY";

    /// <inheritdoc />
    public override string Reason =>
        "A workload without an AWS identity cannot read its database secret or bucket: the app fails on its first AWS call.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var task in program.OfType(Types.TaskDefinition))
        {
            var role = program.Referenced(task["taskRoleArn"]).FirstOrDefault(r => r.Type == Types.IamRole);
            if (role is null) yield return new Finding(task.Name, "has no taskRoleArn naming a role of this program");
            else if (!Trusts(role, WorkloadIdentity.EcsPrincipal))
                yield return new Finding(task.Name, $"task role {role.Name} is not assumable by {WorkloadIdentity.EcsPrincipal}");
        }
        var associations = program.OfType(Types.PodIdentityAssociation)
            .Select(a => (Namespace: ProgramFacts.Text(a["namespace"]), Account: ProgramFacts.Text(a["serviceAccount"]), Region: a.Region))
            .ToHashSet();
        foreach (var deployment in program.OfType(Types.Deployment))
        {
            var account = ProgramFacts.Text(ProgramFacts.At(deployment.Properties, "spec.template.spec.serviceAccountName"));
            var ns = program.NamespaceName(ProgramFacts.At(deployment.Properties, "metadata.namespace"));
            if (account is null) yield return new Finding(deployment.Name, "pods run as the default service account (no serviceAccountName)");
            else if (!associations.Contains((ns, account, deployment.Region)))
                yield return new Finding(deployment.Name, $"service account {ns}/{account} has no aws:eks/podIdentityAssociation in {deployment.Region}");
        }
    }

    private static bool Trusts(Model.Resource role, string principal) =>
        ProgramFacts.Items(ProgramFacts.At(role["assumeRolePolicy"], "Statement"))
            .Any(s => ProgramFacts.Text(ProgramFacts.At(s, "Principal.Service")) == principal);
}
