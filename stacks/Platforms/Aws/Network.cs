using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// One region's network: the VPC (the stack's own, or an existing cluster's), its private subnets (and public ones
/// when the stack owns them), the load balancer group (ECS only), the source the databases admit (the app's security
/// group, or the cluster's node group) and the database group.
/// </summary>
public sealed record RegionalNetwork(
    string Region,
    Value VpcId,
    Value VpcCidr,
    Value PrivateSubnetIds,
    ListValue PublicSubnetIds,
    Resource? LoadBalancerGroup,
    Value AppGroupId,
    Resource DatabaseGroup);

/// <summary>
/// Builds the network of a region. For ECS: one /16 per region (10.N.0.0/16), a public and a private /20 in each of
/// three availability zones (looked up with <c>aws:getAvailabilityZones</c> through the region's provider), an internet
/// gateway, one NAT gateway and private route table per zone (losing a zone never takes the others' egress down), and
/// security groups load balancer -> app -> database. On Kubernetes the cluster's VPC, private subnets and node
/// security group are inputs (toolkit.yaml or stack config) and only the database group is created, in that VPC.
/// </summary>
public static class Network
{
    /// <summary>Availability zones used per region.</summary>
    public const int ZoneCount = 3;

    /// <summary>Config keys of an existing cluster's network in <paramref name="region"/>.</summary>
    public static (string Vpc, string Subnets, string NodeGroup) ClusterKeys(string region) =>
        ("clusterVpcId" + StackScope.Pascal(region), "clusterSubnetIds" + StackScope.Pascal(region), "clusterNodeSecurityGroupId" + StackScope.Pascal(region));

    /// <summary>Adds the network of <paramref name="region"/>, the <paramref name="index"/>-th region of the stack.</summary>
    public static RegionalNetwork Add(StackScope scope, string region, int index) =>
        scope.OnKubernetes ? AddExisting(scope, region) : AddOwn(scope, region, index);

    private static RegionalNetwork AddOwn(StackScope scope, string region, int index)
    {
        var p = scope.Program;
        var zones = p.Variable($"azs-{region}", new InvokeValue("aws:index/getAvailabilityZones:getAvailabilityZones",
            Expr.Map(("state", "available")), "names", StackScope.AwsProvider(region)));
        var cidr = $"10.{index}.0.0/16";
        var vpc = scope.Aws($"vpc-{region}", "aws:ec2/vpc:Vpc", Expr.Map(
            ("cidrBlock", cidr),
            ("enableDnsHostnames", true),
            ("enableDnsSupport", true),
            ("tags", Expr.Map(("Name", $"{scope.Prefix}-{region}")))), region);
        var igw = scope.Aws($"igw-{region}", "aws:ec2/internetGateway:InternetGateway", Expr.Map(("vpcId", vpc.Output("id"))), region);
        var publicRoutes = scope.Aws($"public-routes-{region}", "aws:ec2/routeTable:RouteTable", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("routes", Expr.List(Expr.Map(("cidrBlock", "0.0.0.0/0"), ("gatewayId", igw.Output("id")))))), region);

        var publicSubnets = new List<Resource>();
        var privateSubnets = new List<Resource>();
        for (var z = 0; z < ZoneCount; z++)
        {
            var zone = Expr.Format($"${{{zones.Name}[{z}]}}");
            var pub = scope.Aws($"public-{region}-{z}", "aws:ec2/subnet:Subnet", Expr.Map(
                ("vpcId", vpc.Output("id")),
                ("cidrBlock", $"10.{index}.{z * 16}.0/20"),
                ("availabilityZone", zone),
                ("mapPublicIpOnLaunch", true),
                ("tags", Expr.Map(("Name", $"{scope.Prefix}-public-{z}"), ("tier", "public")))), region);
            scope.Aws($"public-routes-{region}-{z}", "aws:ec2/routeTableAssociation:RouteTableAssociation", Expr.Map(
                ("subnetId", pub.Output("id")), ("routeTableId", publicRoutes.Output("id"))), region);
            publicSubnets.Add(pub);
            var priv = scope.Aws($"private-{region}-{z}", "aws:ec2/subnet:Subnet", Expr.Map(
                ("vpcId", vpc.Output("id")),
                ("cidrBlock", $"10.{index}.{128 + z * 16}.0/20"),
                ("availabilityZone", zone),
                ("tags", Expr.Map(("Name", $"{scope.Prefix}-private-{z}"), ("tier", "private")))), region);
            privateSubnets.Add(priv);

            // One NAT gateway per zone, each zone's private subnet routed through its own.
            var eip = scope.Aws($"nat-ip-{region}-{z}", "aws:ec2/eip:Eip", Expr.Map(("domain", "vpc")), region);
            var nat = scope.Aws($"nat-{region}-{z}", "aws:ec2/natGateway:NatGateway", Expr.Map(
                ("allocationId", eip.Output("id")), ("subnetId", pub.Output("id"))), region,
                new ResourceOptions { DependsOn = [igw.Name] });
            var privateRoutes = scope.Aws($"private-routes-{region}-{z}", "aws:ec2/routeTable:RouteTable", Expr.Map(
                ("vpcId", vpc.Output("id")),
                ("routes", Expr.List(Expr.Map(("cidrBlock", "0.0.0.0/0"), ("natGatewayId", nat.Output("id")))))), region);
            scope.Aws($"private-routes-{region}-{z}-assoc", "aws:ec2/routeTableAssociation:RouteTableAssociation", Expr.Map(
                ("subnetId", priv.Output("id")), ("routeTableId", privateRoutes.Output("id"))), region);
        }

        var allOut = Expr.List(Expr.Map(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))));
        // Behind Cloudflare the load balancer admits only Cloudflare's ranges on 443 (HTTP is redirected at the edge);
        // with the aws edge it is the public entry point.
        var ingress = scope.CloudflareRanges is { } ranges
            ? Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", ranges), ("description", "Cloudflare only")))
            : Expr.List(
                Expr.Map(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))),
                Expr.Map(("protocol", "tcp"), ("fromPort", 80), ("toPort", 80), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))));
        var lbGroup = scope.Aws($"lb-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("description", scope.CloudflareRanges is null ? "Public HTTPS to the load balancer" : "HTTPS from Cloudflare to the load balancer"),
            ("ingress", ingress),
            ("egress", allOut)), region);
        var appGroup = scope.Aws($"app-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("description", "Application tasks: only from the load balancer"),
            ("ingress", Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", Naming.AppPort), ("toPort", Naming.AppPort),
                ("securityGroups", Expr.List(lbGroup.Output("id")))))),
            ("egress", allOut)), region);
        var dbGroup = DatabaseGroup(scope, region, vpc.Output("id"), appGroup.Output("id"));
        return new RegionalNetwork(region, vpc.Output("id"), cidr, Expr.List(privateSubnets.Select(s => (Value)s.Output("id"))),
            Expr.List(publicSubnets.Select(s => (Value)s.Output("id"))), lbGroup, appGroup.Output("id"), dbGroup);
    }

    private static RegionalNetwork AddExisting(StackScope scope, string region)
    {
        var cluster = scope.Context.Config.Deployment.Kubernetes.GetValueOrDefault(region);
        var keys = ClusterKeys(region);
        var vpc = scope.Program.Config(new ConfigDeclaration(keys.Vpc, ConfigType.String, cluster?.VpcId));
        var subnets = scope.Program.Config(new ConfigDeclaration(keys.Subnets, ConfigType.StringList,
            cluster?.SubnetIds is { } ids ? Expr.Strings(ids) : null));
        var nodes = scope.Program.Config(new ConfigDeclaration(keys.NodeGroup, ConfigType.String, cluster?.NodeSecurityGroupId));
        var missing = new[] { (keys.Vpc, cluster?.VpcId), (keys.Subnets, cluster?.SubnetIds is null ? null : "set"), (keys.NodeGroup, cluster?.NodeSecurityGroupId) }
            .Where(k => k.Item2 is null).Select(k => k.Item1).ToList();
        if (missing.Count > 0)
            scope.Diagnostics.Add(Diagnostic.Info("TK-STACK-K8S-NETWORK",
                $"The data tier of region '{region}' goes into the cluster's VPC: set {string.Join(", ", missing.Select(m => $"'{m}'"))} with `pulumi config set` before `pulumi up` (or add vpcId, subnetIds, nodeSecurityGroupId under deployment.kubernetes.{region})."));
        var cidr = scope.Program.Variable($"vpc-cidr-{region}", new InvokeValue("aws:ec2/getVpc:getVpc",
            Expr.Map(("id", vpc.Ref)), "cidrBlock", StackScope.AwsProvider(region)));
        var dbGroup = DatabaseGroup(scope, region, vpc.Ref, nodes.Ref);
        return new RegionalNetwork(region, vpc.Ref, cidr.Ref, subnets.Ref, new ListValue([]), null, nodes.Ref, dbGroup);
    }

    /// <summary>The database group: PostgreSQL (and Redis) from the application's group only, never a CIDR.</summary>
    private static Resource DatabaseGroup(StackScope scope, string region, Value vpcId, Value appGroupId) =>
        scope.Aws($"db-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpcId),
            ("description", "PostgreSQL: only from the application"),
            ("ingress", Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", Naming.PostgresPort), ("toPort", Naming.PostgresPort),
                ("securityGroups", Expr.List(appGroupId))))),
            ("egress", Expr.List(Expr.Map(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"])))))), region);
}
