using System.Net;

namespace MlIntro.Web.Hosting;

/// <summary>The key that rate limits and refusal logs use for a client: its IP address (after forwarded headers).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext? context) => Of(context?.Connection.RemoteIpAddress);

    /// <summary>IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d; they are the same client as a.b.c.d.</summary>
    public static string Of(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
