using System.Net;
using System.Net.Sockets;

namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>Where the checkout is and which loopback port is free, for tests that start real processes.</summary>
internal static class LocalMachine
{
    /// <summary>The folder holding MlIntro.Web.sln, found upwards from the test's build output.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MlIntro.Web.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MlIntro.Web.sln not found above the test's folder.");
    }

    /// <summary>A loopback port nothing listens on right now (the OS picked it and it was released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
