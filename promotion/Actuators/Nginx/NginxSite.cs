namespace Toolkit.Promotion.Actuators.Nginx;

/// <summary>
/// A local nginx load balancer owned by one promotion: its own prefix directory (config, pid file,
/// logs, temp files), the address it listens on and the blue and green upstreams (<c>host:port</c>).
/// </summary>
public sealed record NginxSite(string Prefix, string Listen, string Blue, string Green, bool RunAsRoot)
{
    /// <summary>The config nginx runs with.</summary>
    public string ConfigPath => Path.Combine(Prefix, "conf", "nginx.conf");

    /// <summary>The pid file of the master process.</summary>
    public string PidPath => Path.Combine(Prefix, "nginx.pid");

    /// <summary>nginx's error log.</summary>
    public string ErrorLogPath => Path.Combine(Prefix, "logs", "error.log");

    /// <summary>Base URL of the load balancer.</summary>
    public Uri ListenUrl => new($"http://{Listen}/");

    /// <summary>Path answering which split is in effect (so a reload can be confirmed).</summary>
    public const string WeightsPath = "/__toolkit/weights";
}
