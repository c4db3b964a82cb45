using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening;

/// <summary>What a server stop does to runs before the host lets go of them: training and queued runs alike end Interrupted.</summary>
[Collection(HubTestGroup.Name)]
public sealed class InterruptAllTests
{
    [Fact]
    public async Task InterruptAllAsync_TrainingAndQueuedRuns_EndInterruptedWithTheirEpochs()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(database, new Dictionary<string, string> { ["Training:MaxConcurrentRuns"] = "1" });
        await using var client = await app.ConnectAsync(timeout.Token);
        var training = await client.StartRunAsync(Definitions.Endless(), timeout.Token);
        var queued = await client.StartRunAsync(Definitions.Endless(), timeout.Token);
        var trainingEvents = Task.Run(() => client.WatchToEndAsync(training, timeout.Token), timeout.Token);
        var queuedEvents = Task.Run(() => client.WatchToEndAsync(queued, timeout.Token), timeout.Token);
        var service = app.Services.GetRequiredService<TrainingService>();
        while (service.LiveStatus(training) != ExperimentStatus.Running || service.LiveStatus(queued) != ExperimentStatus.Queued)
        {
            await Task.Delay(10, timeout.Token);
        }
        await Task.Delay(300, timeout.Token);

        var ended = await service.InterruptAllAsync(TimeSpan.FromSeconds(10), timeout.Token);

        Assert.True(ended);
        var (trained, waited) = (await trainingEvents, await queuedEvents);
        Assert.Equal(ExperimentStatus.Interrupted, trained[^1].Status);
        Assert.Equal("Interrupted by a server stop.", trained[^1].Message);
        Assert.NotEmpty(trained.EpochMetrics());
        Assert.Equal(ExperimentStatus.Interrupted, waited[^1].Status);
        Assert.Empty(waited.EpochMetrics());
    }
}
