using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

/// <summary>Start, Watch and Cancel through the real hub, as a notebook or the JavaScript client would call them.</summary>
[Collection(HubTestGroup.Name)]
public sealed class TrainingHubTests(SharedApp shared)
{
    private readonly MlIntroAppFactory _app = shared.Factory;

    [Fact]
    public async Task Start_ValidRun_StreamsOrderedEpochsAndFinishesAccurate()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);
        var definition = Definitions.SmallMlp(epochs: 20);

        var id = await client.StartRunAsync(definition, timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.Sequence < pair.Second.Sequence,
            $"sequence {pair.Second.Sequence} follows {pair.First.Sequence}"));
        Assert.Equal(TrainingEventKind.Status, events[0].Kind);
        Assert.Contains(events[0].Status, new[] { ExperimentStatus.Queued, ExperimentStatus.Running });
        Assert.Equal(Enumerable.Range(1, 20), events.EpochMetrics().Select(m => m.Epoch));
        Assert.Single(events, e => e.IsTerminal);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.True(events[^1].IsTerminal);
        // The blobs' Bayes accuracy on this very draw, by the rule x1 + x2 > 0, shows that 0.9 is well within reach.
        Assert.True(TestBlobsSource.BayesAccuracy(definition.RequiredData, definition.Seed) >= 0.97);
        var final = events.EpochMetrics()[^1];
        Assert.True(final.TestAccuracy >= 0.9, $"test accuracy {final.TestAccuracy}");
        // ln 2 is the cross-entropy of guessing 0.5 everywhere: the net must have learnt more than the class balance.
        Assert.True(final.TestLoss < Math.Log(2) / 2, $"test loss {final.TestLoss}");
    }

    [Fact]
    public async Task Start_ValidRun_FinalBoundarySeparatesTheBlobCentres()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);

        var id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 20), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        var boundary = events.Last(e => e.Kind == TrainingEventKind.Boundary).Boundary!;
        Assert.Equal(20, boundary.Epoch);
        Assert.Equal((TestBlobsSource.Min, TestBlobsSource.Max), (boundary.Min, boundary.Max));
        Assert.Equal(boundary.Resolution * boundary.Resolution, boundary.Output.Length);
        // Cell (c, r) is centred at Min + (Max - Min)(c + 0.5) / Resolution; pick the cells nearest (-4, -4) and (4, 4),
        // two standard deviations beyond each centre, where the class is beyond doubt.
        var cell = (int)Math.Round((-4 - boundary.Min) / (boundary.Max - boundary.Min) * boundary.Resolution - 0.5);
        var far = boundary.Resolution - 1 - cell;
        Assert.True(boundary.Output[cell * boundary.Resolution + cell] < 0.1, "p(plus) near (-4, -4)");
        Assert.True(boundary.Output[far * boundary.Resolution + far] > 0.9, "p(plus) near (4, 4)");
    }

    [Fact]
    public async Task Watch_FinishedRun_ReplaysTheSameEpochs()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 15), timeout.Token);
        var live = await client.WatchToEndAsync(id, timeout.Token);

        await using var other = await _app.ConnectAsync(timeout.Token);
        var replay = await other.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(15, live.EpochMetrics().Count);
        Assert.Equal(live.EpochMetrics(), replay.EpochMetrics());
        Assert.Equal(
            live.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Sequence),
            replay.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Sequence));
        Assert.Equal(ExperimentStatus.Finished, replay[^1].Status);
        Assert.True(replay[^1].IsTerminal);
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsCancelledQuickly()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);
        var clock = Stopwatch.StartNew();

        // 100,000 epochs take minutes: Start answering at all within the guard shows it does not wait for training.
        var id = await client.StartRunAsync(Definitions.Endless(), timeout.Token);
        var startedIn = clock.Elapsed;
        var events = new List<TrainingEvent>();
        TimeSpan? cancelledAt = null;
        await foreach (var e in client.WatchRun(id, timeout.Token))
        {
            events.Add(e);
            if (cancelledAt is null && e.Kind == TrainingEventKind.Epoch)
            {
                Assert.True(await client.CancelRunAsync(id, timeout.Token));
                cancelledAt = clock.Elapsed;
            }
        }
        var endedAfterCancel = clock.Elapsed - cancelledAt;

        Assert.True(startedIn < TimeSpan.FromSeconds(5), $"Start took {startedIn}");
        Assert.NotNull(cancelledAt);
        Assert.Equal(ExperimentStatus.Cancelled, events[^1].Status);
        Assert.True(events[^1].IsTerminal);
        Assert.True(endedAfterCancel < TimeSpan.FromSeconds(5), $"stream ended {endedAfterCancel} after Cancel");
        Assert.True(events.EpochMetrics().Count < 100_000);
        Assert.False(await client.CancelRunAsync(id, timeout.Token)); // already over
    }

    [Fact]
    public async Task Cancel_FromAnotherConnection_IsRefused()
    {
        using var timeout = HubClient.Timeout();
        await using var owner = await _app.ConnectAsync(timeout.Token);
        await using var stranger = await _app.ConnectAsync(timeout.Token);
        var id = await owner.StartRunAsync(Definitions.Endless(), timeout.Token);
        try
        {
            var error = await Assert.ThrowsAsync<HubException>(() => stranger.CancelRunAsync(id, timeout.Token));

            Assert.Contains("Only the session that started a run can control it", error.Message, StringComparison.Ordinal);
            Assert.Null(await FirstTerminalWithin(owner, id, TimeSpan.FromMilliseconds(500), timeout.Token));
        }
        finally
        {
            Assert.True(await owner.CancelRunAsync(id, timeout.Token));
        }
        var events = await owner.WatchToEndAsync(id, timeout.Token);
        Assert.Equal(ExperimentStatus.Cancelled, events[^1].Status);
    }

    [Fact]
    public async Task Watch_UnknownId_ThrowsNotFound()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await _app.ConnectAsync(timeout.Token);

        var error = await Assert.ThrowsAsync<HubException>(() => client.WatchToEndAsync("AAAAAAAAAAAAAAAAAAAAAA", timeout.Token));

        Assert.Contains("No experiment with id", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The run's terminal event if the stream ends within <paramref name="wait"/>, else null (the run is still going).</summary>
    private static async Task<TrainingEvent?> FirstTerminalWithin(
        HubConnection client, string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(wait);
        try
        {
            await foreach (var e in client.WatchRun(id, window.Token))
            {
                if (e.IsTerminal)
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the window closed while the run was still training
        }
        return null;
    }
}
