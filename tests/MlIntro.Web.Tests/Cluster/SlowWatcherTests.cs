using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Web.Cluster;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>
/// Issue 14 item 2: the broadcaster's rule across silos. A watcher on another front end that reads slowly holds back
/// neither the run nor a fast watcher; it still gets every epoch in order and the run's end, and of the frames the
/// latest ones (the final frame included), not a backlog of old ones.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class SlowWatcherTests(PostgresServer server)
{
    [Fact]
    public async Task Watch_SlowWatcherOnAnotherFrontEnd_RunAndFastWatcherFinishFirst_SlowOneGetsEveryEpochAndTheLatestFrames()
    {
        const int epochs = 150;
        using var timeout = HubClient.Timeout(180);
        await using var cluster = await TrainingCluster.StartAsync(await server.CreateDatabaseAsync(timeout.Token));
        var id = ExperimentIds.New();
        var front = TrainingCluster.GrainsOf(cluster.FrontEnd);
        // A frame every 10 ms at most: far more than a watcher pausing 30 ms per event can take.
        var definition = Definitions.SmallMlp(epochs) with { Training = Definitions.SmallMlp(epochs).RequiredTraining with { FrameIntervalMs = 10 } };
        Assert.Equal(StartAnswer.Accepted, await front.GetGrain<IRunGrain>(id).StartAsync(definition, new RunOwner("owner-1"), paused: true));

        var fast = Task.Run(async () =>
        {
            var seen = new List<TrainingEvent>();
            await foreach (var e in front.GetGrain<IRunGrain>(id).WatchAsync(timeout.Token))
            {
                seen.Add(e);
            }
            return seen;
        });
        var slowFinishedAt = DateTimeOffset.MinValue;
        var slow = Task.Run(async () =>
        {
            var seen = new List<TrainingEvent>();
            await foreach (var e in cluster.Cluster.Client.GetGrain<IRunGrain>(id).WatchAsync(timeout.Token))
            {
                seen.Add(e);
                await Task.Delay(30, timeout.Token);
            }
            slowFinishedAt = DateTimeOffset.UtcNow;
            return seen;
        });
        await Task.Delay(500, timeout.Token);
        await front.GetGrain<IRunGrain>(id).ResumeAsync("owner-1");

        var fastSeen = await fast;
        var fastFinishedAt = DateTimeOffset.UtcNow;
        var slowSeen = await slow;

        Assert.Equal(Enumerable.Range(1, epochs), fastSeen.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(Enumerable.Range(1, epochs), slowSeen.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(ExperimentStatus.Finished, slowSeen[^1].Status);
        int Frames(List<TrainingEvent> events) => events.Count(e => e.Kind == TrainingEventKind.Boundary);
        Assert.True(Frames(slowSeen) < Frames(fastSeen), $"slow watcher got {Frames(slowSeen)} frames, fast {Frames(fastSeen)}");
        Assert.Equal(epochs, slowSeen.Last(e => e.Kind == TrainingEventKind.Boundary).Boundary!.Epoch);
        Assert.True(fastFinishedAt < slowFinishedAt, "the fast watcher saw the end before the slow one");
    }
}
