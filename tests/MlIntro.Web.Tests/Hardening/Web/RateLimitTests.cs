using System.Net;
using Microsoft.AspNetCore.SignalR;
using MlIntro.Web.Hubs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 4: one address could open 2,000 hub connections in 4 s and 200 circuits in 15 s. Now new hub
/// connections, new circuits and Starts are limited per client address and minute, with a sentence and Retry-After.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class RateLimitTests
{
    private const string CircuitPath = "/_blazor";

    internal static Dictionary<string, string> Limits(bool enabled = true, int hub = 60, int circuits = 60, int starts = 30) => new()
    {
        ["RateLimits:Enabled"] = enabled ? "true" : "false",
        ["RateLimits:HubConnectionsPerMinute"] = hub.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:CircuitsPerMinute"] = circuits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:StartsPerMinute"] = starts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The request with which a SignalR client (the hub's or Blazor's) opens a connection.</summary>
    internal static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string hubPath, CancellationToken cancellationToken) =>
        client.PostAsync(new Uri(hubPath + "/negotiate?negotiateVersion=1", UriKind.Relative), null, cancellationToken);

    [Fact]
    public async Task HubConnect_OneMoreThanTheLimit_Refused429WithRetryAfterAndASentence()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, Limits(hub: 3));
        using var client = factory.CreateClient();
        var connections = new List<Microsoft.AspNetCore.SignalR.Client.HubConnection>();
        for (var i = 0; i < 3; i++)
        {
            connections.Add(await factory.ConnectAsync(timeout.Token));
        }

        var refusedClient = await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectAsync(timeout.Token));
        using var refused = await NegotiateAsync(client, TrainingHub.Path, timeout.Token);
        var body = await refused.Content.ReadAsStringAsync(timeout.Token);
        using var circuit = await NegotiateAsync(client, CircuitPath, timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedClient.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Matches("^Too many connections to the training hub from your address; wait [0-9]+ seconds\\.$", body);
        Assert.Equal(HttpStatusCode.OK, circuit.StatusCode);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task HubNegotiate_FloodOf200WithDefaults_OnlyTheFirst60Accepted()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, Limits());
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await NegotiateAsync(client, TrainingHub.Path, timeout.Token);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(140, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Skip(60), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task CircuitNegotiate_OneMoreThanTheLimit_Refused429WithASentence()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, Limits(circuits: 2));
        using var client = factory.CreateClient();

        using var first = await NegotiateAsync(client, CircuitPath, timeout.Token);
        using var second = await NegotiateAsync(client, CircuitPath, timeout.Token);
        using var third = await NegotiateAsync(client, CircuitPath, timeout.Token);
        var body = await third.Content.ReadAsStringAsync(timeout.Token);
        using var page = await client.GetAsync(new Uri("/playground", UriKind.Relative), timeout.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.Matches("^Too many page connections from your address; wait [0-9]+ seconds and reload the page\\.$", body);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Start_OneMoreThanTheLimit_ThrowsHubExceptionSayingHowLongToWait()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, Limits(starts: 2));
        await using var first = await factory.ConnectAsync(timeout.Token);
        await using var second = await factory.ConnectAsync(timeout.Token);

        var started = new[]
        {
            await first.StartRunAsync(Definitions.SmallMlp(epochs: 2), timeout.Token),
            await second.StartRunAsync(Definitions.SmallMlp(epochs: 2), timeout.Token),
        };
        var error = await Assert.ThrowsAsync<HubException>(() => second.StartRunAsync(Definitions.SmallMlp(epochs: 2), timeout.Token));

        Assert.All(started, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Matches("HubException: Too many runs started from your address; wait [0-9]+ seconds\\.$", error.Message);
    }

    [Fact]
    public async Task Limits_Disabled_NothingIsRefused()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, Limits(enabled: false, hub: 1, circuits: 1, starts: 1));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var hub = await NegotiateAsync(client, TrainingHub.Path, timeout.Token);
            using var circuit = await NegotiateAsync(client, CircuitPath, timeout.Token);
            statuses.AddRange([hub.StatusCode, circuit.StatusCode]);
        }
        await using var connection = await factory.ConnectAsync(timeout.Token);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await connection.StartRunAsync(Definitions.SmallMlp(epochs: 2), timeout.Token));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(3, ids.Distinct().Count());
    }
}
