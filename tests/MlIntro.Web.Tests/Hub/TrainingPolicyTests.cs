using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

/// <summary>What the server promises a room full of users: runs that blow up say why, quotas are per user, runs are isolated.</summary>
[Collection(HubTestGroup.Name)]
public sealed class TrainingPolicyTests(SharedApp shared)
{
    private readonly MlIntroAppFactory _app = shared.Factory;

    [Fact]
    public async Task Start_HugeLearningRate_EndsDivergedNamingTheLearningRate()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);

        var id = await client.StartRunAsync(Definitions.Diverging(), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Diverged, events[^1].Status);
        Assert.True(events[^1].IsTerminal);
        Assert.Contains("learning rate", events[^1].Message, StringComparison.Ordinal);
        var last = events.EpochMetrics()[^1];
        Assert.False(double.IsFinite(last.TrainLoss) && double.IsFinite(last.TestLoss ?? 0), $"last losses {last.TrainLoss}, {last.TestLoss}");
        Assert.True(last.Epoch < Definitions.Diverging().RequiredTraining.Epochs, "stopped at the first non-finite loss");
    }

    [Fact]
    public async Task Start_OwnerAtQuota_RefusedWhileOthersMayStart()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(database, new Dictionary<string, string> { ["Training:MaxRunsPerOwner"] = "2" });
        await using var busy = await app.ConnectAsync(timeout.Token);
        await using var other = await app.ConnectAsync(timeout.Token);
        var running = new List<(HubConnection Client, string Id)>();
        try
        {
            running.Add((busy, await busy.StartRunAsync(Definitions.Endless(), timeout.Token)));
            running.Add((busy, await busy.StartRunAsync(Definitions.Endless(), timeout.Token)));

            var error = await Assert.ThrowsAsync<HubException>(() => busy.StartRunAsync(Definitions.Endless(), timeout.Token));
            running.Add((other, await other.StartRunAsync(Definitions.Endless(), timeout.Token)));

            Assert.Contains("the limit is 2", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, running.Select(r => r.Id).Distinct().Count());
        }
        finally
        {
            foreach (var (client, id) in running)
            {
                await client.CancelRunAsync(id, timeout.Token);
            }
            // A run holds its slot until its trainer has stopped (within one step of the cancel).
            foreach (var (client, id) in running)
            {
                await client.WatchToEndAsync(id, timeout.Token);
            }
        }
        // A finished run frees its slot: the owner may start again.
        var next = await busy.StartRunAsync(Definitions.SmallMlp(epochs: 2), timeout.Token);
        Assert.Equal(ExperimentStatus.Finished, (await busy.WatchToEndAsync(next, timeout.Token))[^1].Status);
    }

    [Fact]
    public async Task Start_NeighbourDiverges_HealthyRunUnaffected()
    {
        using var timeout = HubClient.Timeout();
        await using var healthy = await _app.ConnectAsync(timeout.Token);
        await using var reckless = await _app.ConnectAsync(timeout.Token);
        var definition = Definitions.SmallMlp(epochs: 30, seed: 11);
        // Alone first: on the CPU the same seed gives the same numbers, so any disturbance would show as a difference.
        var alone = await healthy.WatchToEndAsync(await healthy.StartRunAsync(definition, timeout.Token), timeout.Token);

        var healthyId = await healthy.StartRunAsync(definition, timeout.Token);
        var recklessIds = new[]
        {
            await reckless.StartRunAsync(Definitions.Diverging(), timeout.Token),
            await reckless.StartRunAsync(Definitions.Diverging() with { Seed = 4 }, timeout.Token),
            await reckless.StartRunAsync(Definitions.Diverging() with { Data = Definitions.Blobs with { Features = ["no-such-feature"] } }, timeout.Token),
        };
        var together = await Task.WhenAll(
            recklessIds.Select(id => reckless.WatchToEndAsync(id, timeout.Token)).Append(healthy.WatchToEndAsync(healthyId, timeout.Token)));

        Assert.Equal(ExperimentStatus.Diverged, together[0][^1].Status);
        Assert.Equal(ExperimentStatus.Diverged, together[1][^1].Status);
        Assert.Equal(ExperimentStatus.Failed, together[2][^1].Status);
        Assert.Equal(ExperimentStatus.Finished, together[3][^1].Status);
        Assert.Equal(alone.EpochMetrics(), together[3].EpochMetrics());
        Assert.True(together[3].EpochMetrics()[^1].TestAccuracy >= 0.9);
    }
}
