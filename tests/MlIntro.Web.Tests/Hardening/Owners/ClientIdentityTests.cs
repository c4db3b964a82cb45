using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Issue 9 item 3: a browser is one owner across tabs, reloads and reconnects, keyed to its cookie.</summary>
[Collection(HubTestGroup.Name)]
public sealed class ClientIdentityTests(SharedApp shared)
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Get_FirstVisit_SetsAnHttpOnlyLaxYearLongCookieOnlyOnce()
    {
        using var timeout = HubClient.Timeout();
        using var client = shared.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ClientIdentity.CookieName + "=", StringComparison.Ordinal));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        again.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var second = await client.SendAsync(again, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Matches("^mlintro-client=[0-9a-f]{32}; max-age=31536000; path=/; samesite=lax; httponly$", cookie);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var renewed = second.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
        Assert.DoesNotContain(renewed, c => c.StartsWith(ClientIdentity.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageOwner_TwoTabsOfOneBrowser_ShareTheOwnerAndItsQuota()
    {
        using var timeout = HubClient.Timeout();
        var training = shared.Factory.Services.GetRequiredService<TrainingService>();
        var limit = shared.Factory.Services.GetRequiredService<TrainingOptions>().MaxRunsPerOwner;
        var firstTab = new PageOwner(await CircuitUserAsync(Token, "10.2.3.4"));
        var secondTab = new PageOwner(await CircuitUserAsync(Token, "10.2.3.4"));
        var started = new List<string>();
        try
        {
            for (var i = 0; i < limit; i++)
            {
                started.Add(await training.StartAsync(Definitions.Endless(), firstTab.Owner, paused: true, timeout.Token));
            }

            var refused = await Assert.ThrowsAsync<TrainingRejectedException>(
                () => training.StartAsync(Definitions.Endless(), secondTab.Owner, paused: true, timeout.Token));

            Assert.Equal(new RunOwner(ClientIdentity.OwnerIdOf(Token), "10.2.3.4"), secondTab.Owner);
            Assert.Equal(firstTab.Owner, secondTab.Owner);
            Assert.Contains($"the limit is {limit}", refused.Message, StringComparison.Ordinal);
            Assert.True(training.Cancel(started[0], secondTab.Owner.Id), "the other tab may stop the browser's runs");
        }
        finally
        {
            foreach (var id in started)
            {
                training.Cancel(id, firstTab.Owner.Id);
            }
        }
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void AddressOf_ClientAddress_IsCountedByIPv4AddressOrIPv6Block(string address, string counted)
    {
        var result = ClientIdentity.AddressOf(IPAddress.Parse(address));

        Assert.Equal(counted, result);
    }

    /// <summary>
    /// The user a circuit gets: the middleware's claims on the /_blazor request, handed by Blazor to the circuit's
    /// <see cref="ServerAuthenticationStateProvider"/> (as CircuitHost.SetCircuitUser does).
    /// </summary>
    private static async Task<AuthenticationStateProvider> CircuitUserAsync(string cookie, string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{ClientIdentity.CookieName}={cookie}";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        await new ClientIdentityMiddleware(_ => Task.CompletedTask).InvokeAsync(context);
        var provider = new ServerAuthenticationStateProvider();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        return provider;
    }
}
