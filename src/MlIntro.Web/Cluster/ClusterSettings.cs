using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MlIntro.Web.Cluster;

/// <summary>How processes find each other (<c>Cluster:Clustering</c>).</summary>
public enum ClusteringKind
{
    /// <summary>The embedded default: one process, no Orleans, runs train in this process's service.</summary>
    None,

    /// <summary>Orleans silos whose membership lives in Redis (<c>ConnectionStrings:Cluster</c>).</summary>
    Redis,
}

/// <summary>The <c>Cluster</c> section besides the roles (<see cref="SiloRoles"/>): where this silo listens and which cluster it joins.</summary>
public sealed class ClusterSettings
{
    public ClusteringKind Clustering { get; set; } = ClusteringKind.None;

    /// <summary>Processes with the same id and Redis form one cluster; another id on the same Redis is another cluster.</summary>
    public string ClusterId { get; set; } = "mlintro";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; empty: the host's first non-loopback IPv4 address.</summary>
    public string? AdvertisedAddress { get; set; }

    public IPAddress Advertised() =>
        AdvertisedAddress is { Length: > 0 } given
            ? IPAddress.TryParse(given, out var parsed) ? parsed : Dns.GetHostAddresses(given).First(a => a.AddressFamily == AddressFamily.InterNetwork)
            : FirstNonLoopbackIPv4() ?? IPAddress.Loopback;

    private static IPAddress? FirstNonLoopbackIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
