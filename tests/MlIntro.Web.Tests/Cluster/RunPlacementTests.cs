using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Cluster;
using MlIntro.Web.Store;
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

    [Fact]
    public async Task Start_ThroughTheClusterDoor_HeavyRunsGoToTheCudaWorkerAndLightOnesToTheCpuWorker()
    {
        using var timeout = HubClient.Timeout(180);
        await using var cluster = await TrainingCluster.StartAsync(await server.CreateDatabaseAsync(timeout.Token));
        var worker = cluster.Workers[0].ServiceProvider;
        var door = new GrainTrainingRuns(
            TrainingCluster.GrainsOf(cluster.FrontEnd),
            worker.GetRequiredService<ExperimentValidator>(),
            worker.GetRequiredService<IExperimentStore>(),
            new ClusterOwnerQuota(worker.GetRequiredService<IDbContextFactory<ExperimentDbContext>>(), Options.Create(new TrainingOptions())),
            Options.Create(new TrainingOptions()),
            NullLogger<GrainTrainingRuns>.Instance);
        // A validation set keeps a run out of the stacked engine: it trains on a thread of its own (heavy), as the jets do.
        var heavy = Definitions.SmallMlp(epochs: 3) with { Training = Definitions.SmallMlp(epochs: 3).RequiredTraining with { ValidationFraction = 0.2 } };
        var light = Definitions.SmallMlp(epochs: 3);
        Assert.Equal(RunWeight.Heavy, RunExecutorSelector.WeightOf(heavy, new TrainingOptions().StackedMaxEpochCost));
        Assert.Equal(RunWeight.Light, RunExecutorSelector.WeightOf(light, new TrainingOptions().StackedMaxEpochCost));
        var cuda = cluster.Workers.Single(w => w.ServiceProvider.GetRequiredService<ILocalSiloDetails>().Name.EndsWith('1')).SiloAddress.ToString();
        var cpu = cluster.Workers.Single(w => w.ServiceProvider.GetRequiredService<ILocalSiloDetails>().Name.EndsWith('2')).SiloAddress.ToString();

        var heavyIds = new List<string>();
        var lightIds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            heavyIds.Add(await door.StartAsync(heavy, new RunOwner($"heavy-{i}"), paused: false, timeout.Token));
            lightIds.Add(await door.StartAsync(light, new RunOwner($"light-{i}"), paused: false, timeout.Token));
        }
        var grains = TrainingCluster.GrainsOf(cluster.FrontEnd);
        var heavyPlaces = await Task.WhenAll(heavyIds.Select(id => grains.GetGrain<IRunGrain>(id).SiloAsync()));
        var lightPlaces = await Task.WhenAll(lightIds.Select(id => grains.GetGrain<IRunGrain>(id).SiloAsync()));

        Assert.All(heavyPlaces, silo => Assert.Equal(cuda, silo));
        Assert.All(lightPlaces, silo => Assert.Equal(cpu, silo));
    }
}
