using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Web.Cluster;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>Issue 14: runs are grains on worker silos, reached from any front end.</summary>
[Collection(PostgresGroup.Name)]
public sealed class RunPlacementTests(PostgresServer server)
{
    [Fact]
    public async Task Start_ThroughTheFrontEnd_PlacesEveryRunOnAWorkerAndWatchesItToTheEnd()
    {
        using var timeout = HubClient.Timeout(180);
        await using var cluster = await TrainingCluster.StartAsync(await server.CreateDatabaseAsync(timeout.Token));
        var front = TrainingCluster.GrainsOf(cluster.FrontEnd);
        var ids = Enumerable.Range(0, 6).Select(_ => ExperimentIds.New()).ToList();
        var answers = new List<StartAnswer>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            // One owner each: placement is random, and one owner's fifth run on a worker is over its quota there.
            answers.Add(await front.GetGrain<IRunGrain>(id).StartAsync(Definitions.SmallMlp(epochs: 5), new RunOwner($"owner-{i}"), paused: false));
        }
        var placed = new List<string>();
        foreach (var id in ids)
        {
            placed.Add(await front.GetGrain<IRunGrain>(id).SiloAsync());
        }
        // The client is a second front end: it watches a run the first one started.
        var events = new List<TrainingEvent>();
        await foreach (var e in cluster.Cluster.Client.GetGrain<IRunGrain>(ids[0]).WatchAsync(timeout.Token))
        {
            events.Add(e);
        }

        Assert.All(answers, a => Assert.Equal(StartAnswer.Accepted, a));
        Assert.All(placed, silo => Assert.NotEqual(cluster.FrontEndAddress, silo));
        Assert.Equal(5, events.EpochMetrics().Count);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
    }

    [Fact]
    public async Task Cancel_FromAnotherFrontEnd_EndsTheRunForItsWatchers()
    {
        using var timeout = HubClient.Timeout(180);
        await using var cluster = await TrainingCluster.StartAsync(await server.CreateDatabaseAsync(timeout.Token));
        var id = ExperimentIds.New();
        var owner = new RunOwner("owner-1");
        var answer = await TrainingCluster.GrainsOf(cluster.FrontEnd).GetGrain<IRunGrain>(id).StartAsync(Definitions.Endless(), owner, paused: false);
        var watching = Task.Run(async () =>
        {
            var seen = new List<TrainingEvent>();
            await foreach (var e in TrainingCluster.GrainsOf(cluster.FrontEnd).GetGrain<IRunGrain>(id).WatchAsync(timeout.Token))
            {
                seen.Add(e);
            }
            return seen;
        });
        var other = cluster.Cluster.Client.GetGrain<IRunGrain>(id);
        while (await other.LiveStatusAsync() != ExperimentStatus.Running)
        {
            await Task.Delay(50, timeout.Token);
        }

        var refused = await other.CancelAsync("someone-else");
        var cancelled = await other.CancelAsync("owner-1");
        var seen = await watching;

        Assert.Equal(StartAnswer.Accepted, answer);
        Assert.False(refused.Done);
        Assert.Contains("Only the session that started a run", refused.NotOwner, StringComparison.Ordinal);
        Assert.Equal(new ControlAnswer(true, null), cancelled);
        Assert.Equal(ExperimentStatus.Cancelled, seen[^1].Status);
    }
}
