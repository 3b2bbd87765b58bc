namespace Toolkit.Stacks.Deployability;

/// <summary>The resource type tokens the rules read (the definitions emit these; the schemas confirm the spelling).</summary>
public static class Types
{
#pragma warning disable CS1591 // one token per constant, named after the resource
    public const string Certificate = "aws:acm/certificate:Certificate";
    public const string CertificateValidation = "aws:acm/certificateValidation:CertificateValidation";
    public const string Route53Record = "aws:route53/record:Record";
    public const string Route53Zone = "aws:route53/zone:Zone";
    public const string RdsCluster = "aws:rds/cluster:Cluster";
    public const string RdsParameterGroup = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    public const string IamRole = "aws:iam/role:Role";
    public const string IamRolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string PodIdentityAssociation = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string Secret = "aws:secretsmanager/secret:Secret";
    public const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";
    public const string SecretRotation = "aws:secretsmanager/secretRotation:SecretRotation";
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";
    public const string CloudflareRecord = "cloudflare:index/dnsRecord:DnsRecord";
    public const string CloudflareMonitor = "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor";
    public const string Deployment = "kubernetes:apps/v1:Deployment";
    public const string Service = "kubernetes:core/v1:Service";
    public const string Hpa = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    public const string NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    public const string ResourceQuota = "kubernetes:core/v1:ResourceQuota";
#pragma warning restore CS1591
}
