using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hosting;
using MlIntro.Web.Hubs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: refusals were logged as errors with full stack traces. Every refusal path, driven for real, is
/// logged at Information without an exception, and a flood of the same refusal gives one line a minute.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class RefusalLoggingTests
{
    [Fact]
    public async Task EveryRefusalPath_IsLoggedAtInformationWithoutAStackTrace()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        var logs = new CapturingLoggerProvider();
        var settings = RateLimitTests.Limits(hub: 4, starts: 3);
        settings["Training:MaxRunsPerOwner"] = "1";
        await using var factory = new MlIntroAppFactory(database, settings, logs.Install);
        using var http = factory.CreateClient();
        await using var owner = await factory.ConnectAsync(timeout.Token);
        await using var other = await factory.ConnectAsync(timeout.Token);
        var startedUp = logs.Entries.Count;

        // invalid Start, refused Start (quota), rate-limited Start, control of another's run, watch of an unknown run
        await Assert.ThrowsAsync<HubException>(() => owner.StartRunAsync(Definitions.SmallMlp() with { Optimizer = new(OptimizerKind.GD, -1) }, timeout.Token));
        var id = await owner.StartRunAsync(Definitions.Endless(), timeout.Token);
        await Assert.ThrowsAsync<HubException>(() => owner.StartRunAsync(Definitions.SmallMlp(), timeout.Token));
        await Assert.ThrowsAsync<HubException>(() => owner.StartRunAsync(Definitions.SmallMlp(), timeout.Token));
        await Assert.ThrowsAsync<HubException>(() => other.CancelRunAsync(id, timeout.Token));
        await Assert.ThrowsAsync<HubException>(() => other.WatchToEndAsync("no-such-run", timeout.Token));
        // rate-limited connections (two left of four, then three refused) and another origin
        var connects = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await RateLimitTests.NegotiateAsync(http, TrainingHub.Path, timeout.Token);
            connects.Add(response.StatusCode);
        }
        using var crossOrigin = new HttpRequestMessage(HttpMethod.Post, new Uri(TrainingHub.Path + "/negotiate?negotiateVersion=1", UriKind.Relative));
        crossOrigin.Headers.Add("Origin", "https://evil.example");
        using var refusedOrigin = await http.SendAsync(crossOrigin, timeout.Token);
        Assert.True(await owner.CancelRunAsync(id, timeout.Token));

        Assert.Equal(3, connects.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.Forbidden, refusedOrigin.StatusCode);
        var entries = logs.Entries.Skip(startedUp).ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Information && e.Exception is not null);
        string[] expected =
        [
            "Optimizer.LearningRate",
            "unfinished runs",
            "Start refused for unknown: Too many runs started from your address",
            "Hub method Cancel refused",
            "Hub method Watch refused",
            "Hub connection refused for unknown: Too many connections",
            "Connection from another origin refused for unknown",
        ];
        Assert.All(expected, text => Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.Contains(text, StringComparison.Ordinal)));
        Assert.Single(entries, e => e.Category == typeof(RejectionLog).FullName && e.Message.StartsWith("Hub connection", StringComparison.Ordinal));
    }
}
