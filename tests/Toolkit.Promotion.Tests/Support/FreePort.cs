using System.Net;
using System.Net.Sockets;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>A loopback port free right now (for nginx's listen address).</summary>
public static class FreePort
{
    /// <summary>Binds port 0, reads the port the OS chose, releases it.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
