using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

[Collection(HubTestGroup.Name)]
public sealed class CircuitRunPauserTests(SharedApp shared)
{
    [Fact]
    public async Task ConnectionDown_PausesThisTabsRuns_AndConnectionUpResumesThem()
    {
        using var timeout = HubClient.Timeout();
        var training = shared.Factory.Services.GetRequiredService<TrainingService>();
        var page = new PageOwner();
        var pauser = new CircuitRunPauser(new LocalTrainingRuns(training), shared.Factory.Services.GetRequiredService<OwnerPresence>(), page);
        var owner = page.Owner.Id;
        var mine = await training.StartAsync(Definitions.Endless(), owner, timeout.Token);
        pauser.Track(mine);
        // The same browser's other tab: same owner, another circuit.
        var neighbour = await training.StartAsync(Definitions.Endless(), owner, timeout.Token);
        try
        {
            await WaitForEpochAsync(training, mine, 3, timeout.Token);

            await pauser.OnConnectionDownAsync(null!, timeout.Token);
            await Task.Delay(500, timeout.Token);
            var paused = await LastEpochAsync(training, mine);
            await Task.Delay(700, timeout.Token);
            var stillPaused = await LastEpochAsync(training, mine);
            var neighbourBefore = await LastEpochAsync(training, neighbour);
            await Task.Delay(700, timeout.Token);
            var neighbourAfter = await LastEpochAsync(training, neighbour);
            await pauser.OnConnectionUpAsync(null!, timeout.Token);
            await WaitForEpochAsync(training, mine, stillPaused + 3, timeout.Token);

            Assert.Equal(paused, stillPaused);
            Assert.True(neighbourAfter > neighbourBefore, "the browser's other tab keeps training");
        }
        finally
        {
            training.Cancel(mine, owner);
            training.Cancel(neighbour, owner);
        }
    }

    private static async Task WaitForEpochAsync(TrainingService training, string id, int epoch, CancellationToken token)
    {
        await foreach (var e in training.WatchAsync(id, token))
        {
            if (e.Metrics?.Epoch >= epoch)
            {
                return;
            }
        }
    }

    private static async Task<int> LastEpochAsync(TrainingService training, string id)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var last = 0;
        try
        {
            await foreach (var e in training.WatchAsync(id, stop.Token))
            {
                last = e.Metrics?.Epoch ?? last;
            }
        }
        catch (OperationCanceledException)
        {
            // a live run's stream ends only by cancellation: the replay so far is what we wanted
        }
        return last;
    }
}
