namespace Toolkit.Stacks.Cost;

/// <summary>
/// Every resource type the stacks emit, with how it is priced: a pricer (see <see cref="AwsPricers"/>,
/// <see cref="CloudflarePricers"/>), or the reason it has no line of its own. A type not listed here is reported as
/// unpriced with "not in the cost catalogue", and a test synthesizes every stack shape to keep that list empty.
/// </summary>
internal static class ResourceCatalogue
{
    /// <summary>Prices one resource into the run.</summary>
    public delegate void Pricer(PricingRun run, Model.Resource resource);

    public static IReadOnlyDictionary<string, Pricer> Pricers { get; } = new Dictionary<string, Pricer>(StringComparer.Ordinal)
    {
        ["aws:ecs/service:Service"] = AwsPricers.EcsService,
        ["aws:rds/clusterInstance:ClusterInstance"] = AwsPricers.DatabaseInstance,
        ["aws:rds/cluster:Cluster"] = AwsPricers.DatabaseCluster,
        ["aws:lb/loadBalancer:LoadBalancer"] = AwsPricers.LoadBalancer,
        ["aws:ec2/natGateway:NatGateway"] = AwsPricers.NatGateway,
        ["aws:ec2/eip:Eip"] = AwsPricers.PublicAddress,
        ["aws:s3/bucket:Bucket"] = AwsPricers.Bucket,
        ["aws:kms/key:Key"] = AwsPricers.Key,
        ["aws:secretsmanager/secret:Secret"] = AwsPricers.Secret,
        ["aws:route53/zone:Zone"] = AwsPricers.HostedZone,
        ["aws:route53/healthCheck:HealthCheck"] = AwsPricers.HealthCheck,
        ["aws:cloudwatch/logGroup:LogGroup"] = AwsPricers.LogGroup,
        ["aws:cloudtrail/trail:Trail"] = AwsPricers.Trail,
        ["cloudflare:index/loadBalancer:LoadBalancer"] = CloudflarePricers.LoadBalancer,
        ["cloudflare:index/r2Bucket:R2Bucket"] = CloudflarePricers.R2Bucket,
        ["cloudflare:index/customHostname:CustomHostname"] = CloudflarePricers.CustomHostname,
    };

    private const string K8s = "runs on an existing Kubernetes cluster; its nodes and load balancers are billed outside this program";

    /// <summary>Types with no charge of their own (or whose charge another line carries), and why.</summary>
    public static IReadOnlyDictionary<string, string> NoLine { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pulumi:providers:aws"] = "no charge: a Pulumi provider, not a cloud resource",
        ["pulumi:providers:cloudflare"] = "no charge: a Pulumi provider, not a cloud resource",
        ["pulumi:providers:kubernetes"] = "no charge: a Pulumi provider, not a cloud resource",
        ["random:index/randomPassword:RandomPassword"] = "no charge: generated in Pulumi state",
        ["aws:ec2/vpc:Vpc"] = "no charge: VPCs, subnets and route tables are free",
        ["aws:ec2/subnet:Subnet"] = "no charge: VPCs, subnets and route tables are free",
        ["aws:ec2/routeTable:RouteTable"] = "no charge: VPCs, subnets and route tables are free",
        ["aws:ec2/routeTableAssociation:RouteTableAssociation"] = "no charge: VPCs, subnets and route tables are free",
        ["aws:ec2/internetGateway:InternetGateway"] = "no charge: the gateway is free; data transfer out is priced on the load balancer",
        ["aws:ec2/securityGroup:SecurityGroup"] = "no charge: security groups are free",
        ["aws:iam/role:Role"] = "no charge: IAM is free",
        ["aws:iam/rolePolicy:RolePolicy"] = "no charge: IAM is free",
        ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = "no charge: IAM is free",
        ["aws:acm/certificate:Certificate"] = "no charge: public ACM certificates are free",
        ["aws:acm/certificateValidation:CertificateValidation"] = "no charge: a Pulumi wait, not a cloud resource",
        ["aws:ecs/cluster:Cluster"] = "no charge: an ECS cluster is free; its Fargate tasks are priced on the services",
        ["aws:ecs/taskDefinition:TaskDefinition"] = "no charge: priced through the services that run it (vCPU and memory)",
        ["aws:lb/listener:Listener"] = "no charge: included in the load balancer's hours and LCUs",
        ["aws:lb/listenerRule:ListenerRule"] = "no charge: included in the load balancer's LCUs",
        ["aws:lb/targetGroup:TargetGroup"] = "no charge: included in the load balancer's hours",
        ["aws:kms/alias:Alias"] = "no charge: aliases are free; the key is priced",
        ["aws:rds/subnetGroup:SubnetGroup"] = "no charge: subnet groups are free",
        ["aws:rds/globalCluster:GlobalCluster"] = "no line of its own: the regional clusters' instances and storage are priced; replicated write I/O is not modelled",
        ["aws:secretsmanager/secretVersion:SecretVersion"] = "no charge: included in the secret's monthly price",
        ["aws:s3/bucketPolicy:BucketPolicy"] = "no charge: bucket configuration",
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] = "no charge: bucket configuration",
        ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"] = "no charge: bucket configuration (KMS requests are not modelled)",
        ["aws:s3/bucketVersioning:BucketVersioning"] = "no charge: bucket configuration (noncurrent versions are not modelled)",
        ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"] = "no charge: bucket configuration",
        ["aws:route53/record:Record"] = "no charge per record; Route 53 bills queries per million, which the built-in table has no verified figure for",
        ["cloudflare:index/dnsRecord:DnsRecord"] = "no charge: DNS records are included in every Cloudflare plan",
        ["cloudflare:index/zoneSetting:ZoneSetting"] = "no charge: zone settings are included in the plan",
        ["cloudflare:index/loadBalancerPool:LoadBalancerPool"] = "no line of its own: included in the load balancer's monthly price",
        ["cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor"] = "no line of its own: included in the load balancer's monthly price",
        ["aws:rds/clusterParameterGroup:ClusterParameterGroup"] = "no charge: parameter groups are free",
        ["aws:eks/podIdentityAssociation:PodIdentityAssociation"] = "no charge: EKS Pod Identity associations are free",
        ["aws:secretsmanager/secretRotation:SecretRotation"] = "no line of its own: rotation runs a Lambda function a few times a month; those invocations are not modelled",
        ["aws:serverlessrepository/cloudFormationStack:CloudFormationStack"] = "no line of its own: deploys AWS's rotation Lambda function, whose few invocations a month are not modelled",
        ["aws:cloudwatch/metricAlarm:MetricAlarm"] = "not priced: CloudWatch bills each alarm per month; the built-in table has no verified figure for alarms yet",
        ["aws:sns/topic:Topic"] = "not priced: SNS bills notifications per million; alarm notifications are a handful a month and the built-in table has no verified figure",
        ["aws:elasticache/serverlessCache:ServerlessCache"] = "not priced: ElastiCache Serverless bills data stored per GB-hour and ElastiCache Processing Units per million; the built-in table has no verified figure and the usage is not modelled",
        ["aws:elasticache/user:User"] = "no charge: ElastiCache users are free",
        ["aws:elasticache/userGroup:UserGroup"] = "no charge: ElastiCache user groups are free",
        ["aws:sesv2/emailIdentity:EmailIdentity"] = "not priced: SES bills per thousand messages sent; mail volume is not modelled",
        ["aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes"] = "no charge: identity configuration",
        ["aws:cognito/userPool:UserPool"] = "not priced: Cognito bills monthly active users above its free tier; active users per pool are not modelled",
        ["aws:cognito/userPoolClient:UserPoolClient"] = "no charge: included in the user pool",
        ["kubernetes:core/v1:Secret"] = K8s,
        ["aws:backup/vault:Vault"] = "not priced: AWS Backup bills stored and copied recovery points per GB-month; the built-in table has no verified figure yet",
        ["aws:backup/plan:Plan"] = "no line of its own: the recovery points it makes are billed on the vault",
        ["aws:backup/selection:Selection"] = "no charge: a backup plan's resource assignment",
        ["kubernetes:core/v1:ConfigMap"] = K8s,
        ["kubernetes:core/v1:ServiceAccount"] = K8s,
        ["kubernetes:core/v1:Namespace"] = K8s,
        ["kubernetes:core/v1:ResourceQuota"] = K8s,
        ["kubernetes:core/v1:Service"] = K8s,
        ["kubernetes:apps/v1:Deployment"] = K8s,
        ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler"] = K8s,
        ["kubernetes:networking.k8s.io/v1:NetworkPolicy"] = K8s,
    };

    /// <summary>True when <paramref name="type"/> is priced or has a stated reason.</summary>
    public static bool Knows(string type) => Pricers.ContainsKey(type) || NoLine.ContainsKey(type);
}
