using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Issue 9 item 3, the repro scaled down: connections fill the server with long runs and leave.</summary>
[Collection(HubTestGroup.Name)]
public sealed class OrphanedRunTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Start_AfterOwnersLeftTheirRunsFillingTheServer_IsAcceptedOnceTheOrphansExpire()
    {
        using var timeout = HubClient.Timeout(90);
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(database, new Dictionary<string, string>
        {
            ["Training:MaxConcurrentRuns"] = "4",
            ["Training:MaxQueuedRuns"] = "0",
            ["Training:MaxRunsPerOwner"] = "2",
            ["Training:OrphanedRunLifetime"] = Lifetime.ToString(),
        });
        var orphans = new List<string>();
        for (var c = 0; c < 2; c++)
        {
            await using var leaving = await app.ConnectAsync(timeout.Token);
            orphans.Add(await leaving.StartRunAsync(Definitions.Endless(), timeout.Token));
            orphans.Add(await leaving.StartRunAsync(Definitions.Endless(), timeout.Token));
        }
        var left = Stopwatch.StartNew();
        await using var newcomer = await app.ConnectAsync(timeout.Token);

        var lockedOut = await Assert.ThrowsAsync<HubException>(() => newcomer.StartRunAsync(Definitions.SmallMlp(epochs: 3), timeout.Token));
        var id = await StartWhenAcceptedAsync(newcomer, timeout.Token);
        var waited = left.Elapsed;
        var newcomerEnd = (await newcomer.WatchToEndAsync(id, timeout.Token))[^1];
        var orphanEnd = (await newcomer.WatchToEndAsync(orphans[0], timeout.Token))[^1];

        Assert.Contains("busy", lockedOut.Message, StringComparison.Ordinal);
        Assert.InRange(waited, Lifetime * 0.5, TimeSpan.FromSeconds(40));
        Assert.Equal(ExperimentStatus.Finished, newcomerEnd.Status);
        Assert.Equal(ExperimentStatus.Cancelled, orphanEnd.Status);
        // The sweep runs on a timer, so a loaded machine may stop the orphan a second or two after the lifetime.
        var said = Regex.Match(orphanEnd.Message ?? "", @"^Stopped: its owner left (\d+) seconds ago \(runs without a connected owner end after 4 seconds\)\.$");
        Assert.True(said.Success, orphanEnd.Message);
        Assert.InRange(int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture), 4, 40);
    }

    [Fact]
    public async Task Start_RunOutlivesMaxRunDuration_EndsCancelledSayingWhy()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(database, new Dictionary<string, string> { ["Training:MaxRunDuration"] = "00:00:01" });
        await using var client = await app.ConnectAsync(timeout.Token);

        var id = await client.StartRunAsync(Definitions.Endless(), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Cancelled, events[^1].Status);
        Assert.Equal("Stopped: it reached the server's limit of 1 second per run.", events[^1].Message);
        Assert.NotEmpty(events.EpochMetrics());
    }

    private static async Task<string> StartWhenAcceptedAsync(Microsoft.AspNetCore.SignalR.Client.HubConnection client, CancellationToken token)
    {
        while (true)
        {
            try
            {
                return await client.StartRunAsync(Definitions.SmallMlp(epochs: 3), token);
            }
            catch (HubException ex) when (ex.Message.Contains("busy", StringComparison.Ordinal))
            {
                await Task.Delay(100, token);
            }
        }
    }
}
