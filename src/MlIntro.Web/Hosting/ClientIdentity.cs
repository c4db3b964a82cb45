using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MlIntro.Training;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Who a client is across reconnects: a random 128-bit token (a browser's <see cref="CookieName"/> cookie, or the one a
/// hub client gets from <c>OwnerToken()</c>), and the owner id derived from it by a hash, so that the store and the
/// logs never hold a secret that could control someone's runs. Quotas also count the client's address.
/// </summary>
public static class ClientIdentity
{
    public const string CookieName = "mlintro-client";

    private const string OwnerClaim = "mlintro:owner";
    private const string AddressClaim = "mlintro:address";
    private const int TokenBytes = 16;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Only tokens as <see cref="NewToken"/> makes them: a client cannot pick a short, guessable one.</summary>
    public static bool IsToken([NotNullWhen(true)] string? token) =>
        token is { Length: TokenBytes * 2 } && token.All(char.IsAsciiHexDigitLower);

    /// <summary>The owner id of a token: "owner:" and 128 bits of its SHA-256.</summary>
    public static string OwnerIdOf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return "owner:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)), 0, TokenBytes);
    }

    /// <summary>
    /// The address quotas count: an IPv4 address as is (also when mapped into IPv6), an IPv6 address by its /64, the
    /// block one home or machine usually gets, so that a client cannot escape the cap by rotating through its own block.
    /// </summary>
    public static string? AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The claims the middleware adds to every request, which Blazor hands to the circuit as its user.</summary>
    public static ClaimsIdentity Claims(string ownerId, string? address)
    {
        // No authentication type: this says who the client is, not that anybody signed in.
        var identity = new ClaimsIdentity();
        identity.AddClaim(new Claim(OwnerClaim, ownerId));
        if (address is not null)
        {
            identity.AddClaim(new Claim(AddressClaim, address));
        }
        return identity;
    }

    /// <summary>The owner the claims of <paramref name="user"/> name, or null when the request did not pass the middleware.</summary>
    public static RunOwner? OwnerOf(ClaimsPrincipal? user) =>
        user?.FindFirst(OwnerClaim)?.Value is { } owner ? new RunOwner(owner, user.FindFirst(AddressClaim)?.Value) : null;
}
