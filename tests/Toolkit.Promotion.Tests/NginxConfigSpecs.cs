using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Actuators.Nginx;

namespace Toolkit.Promotion.Tests;

/// <summary>The nginx config the local target writes.</summary>
public sealed class NginxConfigSpecs
{
    private static readonly NginxSite Site = new("/srv/acme/.toolkit/nginx/dev", "127.0.0.1:8080", "127.0.0.1:9001", "127.0.0.1:9002", RunAsRoot: true);

    [Theory]
    [InlineData(0, "server 127.0.0.1:9001 weight=100 max_fails=0; # blue", "server 127.0.0.1:9002 down max_fails=0; # green")]
    [InlineData(10, "server 127.0.0.1:9001 weight=90 max_fails=0; # blue", "server 127.0.0.1:9002 weight=10 max_fails=0; # green")]
    [InlineData(100, "server 127.0.0.1:9001 down max_fails=0; # blue", "server 127.0.0.1:9002 weight=100 max_fails=0; # green")]
    public void I_can_render_weighted_blue_and_green_upstreams(int green, string blueLine, string greenLine)
    {
        var config = NginxConfig.Render(Site, new TrafficSplit(green));

        Assert.Contains(blueLine, config);
        Assert.Contains(greenLine, config);
        Assert.Contains($"return 200 \"green={green} blue={100 - green}\\n\";", config);
        Assert.Contains("pid /srv/acme/.toolkit/nginx/dev/nginx.pid;", config);
        Assert.Contains("user root;", config);
        Assert.Contains("proxy_next_upstream off;", config);
        Assert.DoesNotContain("\r", config);
        Assert.Equal(config, NginxConfig.Render(Site with { }, new TrafficSplit(green))); // same input, same bytes
    }

    [Fact]
    public void I_can_leave_the_user_directive_out_when_not_root()
    {
        Assert.DoesNotContain("user ", NginxConfig.Render(Site with { RunAsRoot = false }, new TrafficSplit(1)));
    }
}
