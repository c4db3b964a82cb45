using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: outside Development the headers lacked X-Content-Type-Options, a script-src CSP and HSTS. In
/// Production every page now has them, and Blazor's one inline script (its import map) carries the policy's nonce.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed partial class SecurityHeadersTests
{
    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceSource();

    /// <summary>The app (with a database of its own) started in Production.</summary>
    private static WebApplicationFactory<Program> Production(MlIntroAppFactory app) => app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

    [Fact]
    public async Task Home_Production_HasNosniffReferrerPolicyAndAScriptSelfCsp()
    {
        using var timeout = HubClient.Timeout();
        await using var app = new MlIntroAppFactory();
        using var client = Production(app).CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
        var html = await response.Content.ReadAsStringAsync(timeout.Token);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceSource().Match(csp).Groups[1].Value;

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.True(nonce.Length >= 16, $"nonce '{nonce}'");
        Assert.Matches($"<script type=\"importmap\"[^>]* nonce=\"{Regex.Escape(nonce)}\"", html);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    [Fact]
    public async Task Page_ProductionOverHttps_HasHsts()
    {
        using var timeout = HubClient.Timeout();
        await using var app = new MlIntroAppFactory();
        using var client = Production(app).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://mlintro.example") });

        using var response = await client.GetAsync(new Uri("/playground", UriKind.Relative), timeout.Token);

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_TwoResponses_Differ()
    {
        using var timeout = HubClient.Timeout();
        await using var app = new MlIntroAppFactory();
        using var client = Production(app).CreateClient();

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);

        Assert.NotEqual(
            NonceSource().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Value,
            NonceSource().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Value);
    }
}
