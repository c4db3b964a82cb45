using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MlIntro.Web.Hosting;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (configuration section "Proxy"):
/// behind a proxy every client otherwise has the proxy's address and shares its rate limits.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public bool IsValid => KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
