using System.Text;

namespace Toolkit.Promotion.Actuators.Nginx;

/// <summary>
/// Renders the nginx config for a split (pure: the same site and split give the same bytes).
/// Weights are the percentages; a side at 0 % is marked <c>down</c> because nginx has no weight 0.
/// Failed requests are not retried on the other colour, so what a user sees is what the weights say.
/// Probe requests (header <c>X-Toolkit-Probe</c>) go to green alone, through nginx: it keeps its connections to
/// green alive when green allows it and opens one per request when green does not (HTTP/1.0, <c>Connection: close</c>),
/// so an ordinary server is probed the way users reach it; no server is ever marked failed (<c>max_fails=0</c>),
/// and <c>X-Toolkit-Upstream-Header-Time</c> tells a green that never answered from a green that answered 5xx.
/// </summary>
public static class NginxConfig
{
    /// <summary>The full nginx.conf for <paramref name="site"/> at <paramref name="split"/>.</summary>
    public static string Render(NginxSite site, TrafficSplit split)
    {
        var p = site.Prefix;
        var s = new StringBuilder();
        s.Append("# Written by `toolkit promote --target local`; each step rewrites it.\n");
        if (site.RunAsRoot) s.Append("user root;\n");
        s.Append("worker_processes 1;\n");
        // Bounds how long old workers may keep serving the previous weights after a reload.
        s.Append("worker_shutdown_timeout 5s;\n");
        s.Append($"pid {p}/nginx.pid;\n");
        s.Append($"error_log {p}/logs/error.log warn;\n");
        s.Append("events { worker_connections 1024; }\n");
        s.Append("http {\n");
        s.Append("    access_log off;\n");
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            s.Append($"    {temp}_temp_path {p}/temp/{temp};\n");
        s.Append("    upstream toolkit_app {\n");
        s.Append($"        server {site.Blue}{Weight(split.BluePercent)} max_fails=0; # blue\n");
        s.Append($"        server {site.Green}{Weight(split.GreenPercent)} max_fails=0; # green\n");
        s.Append("        keepalive 16;\n");
        s.Append("    }\n");
        s.Append("    upstream toolkit_green_probe {\n");
        s.Append($"        server {site.Green} max_fails=0;\n");
        s.Append("        keepalive 8;\n");
        s.Append("    }\n");
        s.Append("    map $http_x_toolkit_probe $toolkit_upstream { default toolkit_app; \"~.\" toolkit_green_probe; }\n");
        s.Append("    server {\n");
        s.Append($"        listen {site.Listen};\n");
        s.Append($"        location = {NginxSite.WeightsPath} {{ default_type text/plain; return 200 \"{Marker(split)}\\n\"; }}\n");
        s.Append("        location / {\n");
        s.Append("            proxy_pass http://$toolkit_upstream;\n");
        s.Append("            proxy_next_upstream off;\n");
        s.Append("            proxy_http_version 1.1;\n");
        s.Append("            proxy_set_header Connection \"\";\n");
        s.Append("            proxy_set_header Host $host;\n");
        s.Append("            add_header X-Toolkit-Upstream-Header-Time $upstream_header_time always;\n");
        s.Append("        }\n");
        s.Append("    }\n");
        s.Append("}\n");
        return s.ToString();
    }

    /// <summary>What <see cref="NginxSite.WeightsPath"/> answers once <paramref name="split"/> is in effect.</summary>
    public static string Marker(TrafficSplit split) => $"green={split.GreenPercent} blue={split.BluePercent}";

    private static string Weight(int percent) => percent == 0 ? " down" : $" weight={percent}";
}
