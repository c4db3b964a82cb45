using System.Runtime.CompilerServices;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Runs;

namespace MlIntro.Web.Tests.Runs;

public sealed class RunEventFeedTests
{
    [Fact]
    public async Task RunAsync_BurstOfEpochs_AppliesAllInOrderWithAtMostOneRenderPerInterval()
    {
        var applied = new List<int>();
        var renders = new List<DateTime>();
        var feed = new RunEventFeed(work => work(), e => applied.Add(e.Metrics?.Epoch ?? -1), () =>
        {
            renders.Add(DateTime.UtcNow);
            return Task.CompletedTask;
        });

        await feed.RunAsync(Epochs(500, TimeSpan.FromMilliseconds(1)), CancellationToken.None);

        Assert.Equal([.. Enumerable.Range(1, 500), -1], applied);
        var gaps = renders.Zip(renders.Skip(1), (a, b) => b - a).ToList();
        // Every gap but the one before the terminal event (applied at once) respects the interval, less timer slack.
        Assert.All(gaps.SkipLast(1), gap => Assert.True(gap >= RunEventFeed.Interval - TimeSpan.FromMilliseconds(5), $"renders {gap.TotalMilliseconds} ms apart"));
        Assert.InRange(renders.Count, 2, 250);
    }

    [Fact]
    public async Task RunAsync_ApplyThrows_TheExceptionSurfacesWithoutWaitingForTheStreamToEnd()
    {
        var feed = new RunEventFeed(work => work(), e => throw new InvalidOperationException("broken page"), () => Task.CompletedTask);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => feed.RunAsync(Endless(timeout.Token), timeout.Token));

        Assert.Equal("broken page", error.Message);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_StreamThrows_TheExceptionSurfaces()
    {
        var feed = new RunEventFeed(work => work(), _ => { }, () => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<IOException>(() => feed.RunAsync(Failing(), CancellationToken.None));

        Assert.Equal("store gone", error.Message);
    }

    private static async IAsyncEnumerable<TrainingEvent> Epochs(int count, TimeSpan gap)
    {
        for (var epoch = 1; epoch <= count; epoch++)
        {
            yield return new TrainingEvent(epoch, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: new EpochMetrics(epoch, 1.0 / epoch, null, null, null));
            if (epoch % 10 == 0)
            {
                await Task.Delay(gap);
            }
        }
        yield return new TrainingEvent(count + 1, TrainingEventKind.Status, ExperimentStatus.Finished);
    }

    private static async IAsyncEnumerable<TrainingEvent> Endless([EnumeratorCancellation] CancellationToken token)
    {
        for (var epoch = 1; ; epoch++)
        {
            yield return new TrainingEvent(epoch, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: new EpochMetrics(epoch, 1, null, null, null));
            await Task.Delay(5, token);
        }
    }

    private static async IAsyncEnumerable<TrainingEvent> Failing()
    {
        yield return new TrainingEvent(1, TrainingEventKind.Status, ExperimentStatus.Running);
        await Task.Yield();
        throw new IOException("store gone");
    }
}
