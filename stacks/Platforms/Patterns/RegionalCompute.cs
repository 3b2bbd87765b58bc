using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// What the edge needs from a region's compute: the origin hostname traffic enters by (ALB DNS name or the
/// Kubernetes LoadBalancer service's hostname), per colour the origin of that colour, and the host header
/// that selects a colour on a shared origin (ALB listener rules), plus the services for the outputs.
/// </summary>
public sealed record RegionalCompute(
    string Region,
    Value Origin,
    IReadOnlyDictionary<string, Value> ColorOrigins,
    IReadOnlyDictionary<string, string> ColorHosts,
    IReadOnlyList<Value> Services,
    Resource? LoadBalancer);
