using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>One region's network: VPC, public and private subnets across availability zones, security groups.</summary>
public sealed record RegionalNetwork(
    string Region,
    Resource Vpc,
    IReadOnlyList<Resource> PublicSubnets,
    IReadOnlyList<Resource> PrivateSubnets,
    Resource LoadBalancerGroup,
    Resource AppGroup,
    Resource DatabaseGroup)
{
    /// <summary>Private subnet ids as a list value.</summary>
    public ListValue PrivateSubnetIds => Expr.List(PrivateSubnets.Select(s => (Value)s.Output("id")));

    /// <summary>Public subnet ids as a list value.</summary>
    public ListValue PublicSubnetIds => Expr.List(PublicSubnets.Select(s => (Value)s.Output("id")));
}

/// <summary>
/// Builds the VPC of a region: one /16 per region (10.N.0.0/16), a public and a private /20 in each of three
/// availability zones (looked up with <c>aws:getAvailabilityZones</c> through the region's provider), an internet
/// gateway, one NAT gateway, route tables, and security groups load balancer -> app -> database.
/// </summary>
public static class Network
{
    /// <summary>Availability zones used per region.</summary>
    public const int ZoneCount = 3;

    /// <summary>Adds the network of <paramref name="region"/>, the <paramref name="index"/>-th region of the stack.</summary>
    public static RegionalNetwork Add(StackScope scope, string region, int index)
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
            privateSubnets.Add(scope.Aws($"private-{region}-{z}", "aws:ec2/subnet:Subnet", Expr.Map(
                ("vpcId", vpc.Output("id")),
                ("cidrBlock", $"10.{index}.{128 + z * 16}.0/20"),
                ("availabilityZone", zone),
                ("tags", Expr.Map(("Name", $"{scope.Prefix}-private-{z}"), ("tier", "private")))), region));
        }

        var eip = scope.Aws($"nat-ip-{region}", "aws:ec2/eip:Eip", Expr.Map(("domain", "vpc")), region);
        var nat = scope.Aws($"nat-{region}", "aws:ec2/natGateway:NatGateway", Expr.Map(
            ("allocationId", eip.Output("id")), ("subnetId", publicSubnets[0].Output("id"))), region,
            new ResourceOptions { DependsOn = [igw.Name] });
        var privateRoutes = scope.Aws($"private-routes-{region}", "aws:ec2/routeTable:RouteTable", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("routes", Expr.List(Expr.Map(("cidrBlock", "0.0.0.0/0"), ("natGatewayId", nat.Output("id")))))), region);
        for (var z = 0; z < ZoneCount; z++)
            scope.Aws($"private-routes-{region}-{z}", "aws:ec2/routeTableAssociation:RouteTableAssociation", Expr.Map(
                ("subnetId", privateSubnets[z].Output("id")), ("routeTableId", privateRoutes.Output("id"))), region);

        var allOut = Expr.List(Expr.Map(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))));
        var lbGroup = scope.Aws($"lb-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("description", "Public HTTPS to the load balancer"),
            ("ingress", Expr.List(
                Expr.Map(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))),
                Expr.Map(("protocol", "tcp"), ("fromPort", 80), ("toPort", 80), ("cidrBlocks", Expr.Strings(["0.0.0.0/0"]))))),
            ("egress", allOut)), region);
        var appGroup = scope.Aws($"app-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("description", "Application tasks: only from the load balancer"),
            ("ingress", Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", Naming.AppPort), ("toPort", Naming.AppPort),
                ("securityGroups", Expr.List(lbGroup.Output("id")))))),
            ("egress", allOut)), region);
        var dbGroup = scope.Aws($"db-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", vpc.Output("id")),
            ("description", "PostgreSQL: only from the application"),
            ("ingress", Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", Naming.PostgresPort), ("toPort", Naming.PostgresPort),
                ("securityGroups", Expr.List(appGroup.Output("id"))), ("cidrBlocks", Expr.Strings([cidr])))))), region);
        return new RegionalNetwork(region, vpc, publicSubnets, privateSubnets, lbGroup, appGroup, dbGroup);
    }
}
