using MlIntro.Core.Experiments;
using MlIntro.Web.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Store;

/// <summary>
/// What <see cref="IExperimentStore"/> promises, on every database provider the app supports: each subclass opens the
/// store on its own provider (<see cref="SqliteExperimentStoreTests"/>, <see cref="PostgresExperimentStoreTests"/>).
/// </summary>
public abstract partial class ExperimentStoreContractTests : GuardedStoreTest
{
    private readonly FixedTimeProvider _clock = new(Start.AddMinutes(5));

    /// <summary>A store over this test's database, as the app builds it; disposing it and opening again is a restart.</summary>
    internal abstract Task<StoreHost> OpenAsync(TimeProvider clock);

    /// <summary>Lets go of pooled connections between a stop and a restart, as a process exit would.</summary>
    protected virtual void ReleaseConnections()
    {
    }

    [Fact]
    public async Task FindAsync_AfterCreateAndTerminalEvent_ReturnsDefinitionStatusMessageAndTimes()
    {
        await using var host = await OpenAsync(_clock);
        var store = host.Store;
        await store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await store.AppendAsync("run-1", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.7, 0.72)], Ct);
        var finishedAt = new DateTimeOffset(2025, 3, 14, 8, 40, 0, TimeSpan.Zero);
        _clock.Now = finishedAt;

        await store.AppendAsync("run-1", [Epoch(2, 2, 0.5, 0.55), Status(3, ExperimentStatus.Diverged, "Loss became NaN at epoch 3.")], Ct);
        var stored = await store.FindAsync("run-1", Ct);

        Assert.NotNull(stored);
        Assert.Equal("run-1", stored.Id);
        Assert.Equal(ExperimentStatus.Diverged, stored.Status);
        Assert.Equal("Loss became NaN at epoch 3.", stored.Message);
        Assert.Equal(Start, stored.CreatedAt);
        Assert.Equal(finishedAt, stored.FinishedAt);
        var definition = stored.Definition;
        Assert.Equal(Lesson.Optimizers, definition.Lesson);
        Assert.Equal(new DataSpec("spiral", 300, 0.15, 0.7, null), definition.RequiredData with { Features = null });
        Assert.Equal(["x1", "x2", "x1x2"], definition.RequiredData.Features!);
        Assert.Equal([new HiddenLayer(4), new HiddenLayer(2, 0.25)], definition.RequiredModel.HiddenLayers);
        Assert.Equal((Activation.ReLU, Regularization.L2, 0.003), (definition.RequiredModel.Activation, definition.RequiredModel.Regularization, definition.RequiredModel.RegularizationRate));
        Assert.Equal((OptimizerKind.Adam, 0.03), (definition.RequiredOptimizer.Kind, definition.RequiredOptimizer.LearningRate));
        Assert.Equal(0.85, definition.RequiredOptimizer.Parameter("beta1", 0));
        Assert.Equal(1e-8, definition.RequiredOptimizer.Parameter("epsilon", 0));
        Assert.Equal(new TrainingSpec(40, 10, true, 5, 50), definition.RequiredTraining);
        Assert.Equal(42, definition.Seed);
    }

    [Fact]
    public async Task FindAsync_AfterRunningEventOnly_ReturnsRunningWithoutFinishTime()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        var created = await host.Store.FindAsync("run-1", Ct);

        await host.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Running)], Ct);
        var running = await host.Store.FindAsync("run-1", Ct);

        Assert.Equal(ExperimentStatus.Queued, created!.Status);
        Assert.Equal(ExperimentStatus.Running, running!.Status);
        Assert.Null(running.Message);
        Assert.Null(running.FinishedAt);
    }

    [Fact]
    public async Task AppendAsync_StatusAfterTerminal_KeepsTerminalStatus()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await host.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Cancelled, "Stopped by user.")], Ct);

        await host.Store.AppendAsync("run-1", [Status(1, ExperimentStatus.Running)], Ct);
        var stored = await host.Store.FindAsync("run-1", Ct);

        Assert.Equal(ExperimentStatus.Cancelled, stored!.Status);
        Assert.Equal("Stopped by user.", stored.Message);
    }

    [Fact]
    public async Task EventsAsync_AfterSeveralBatches_ReturnsEventsBySequenceWithPayloadsIntact()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        // Values with no short decimal form, extremes and NaN: a lossy number format would change them.
        var metrics = new EpochMetrics(7, 0.1 + 0.2, 1.0 / 3.0, TrainAccuracy: double.Epsilon, TestAccuracy: 1e-300,
            Series: "Adam", ValidationLoss: double.NaN, ValidationAccuracy: double.MaxValue);
        float[] output = [1f / 3f, -0.1f, float.Epsilon, float.MaxValue, float.MinValue, 16777217f, 0f, float.NaN, float.PositiveInfinity];
        var boundary = new BoundaryFrame(7, 3, -6, 6, output, Neurons: [[0.25f, -0.75f], [MathF.PI]], Weights: [[1e-30f, -2.5e7f]]);
        var evaluation = new EvaluationFrame(7, [new RocCurve("signal", [0, 0.5, 1], [0, 0.1, 1], 0.7)], [[40, 2], [3, 55]], ["bkg", "sig"]);
        var trajectory = new TrajectoryChunk(100, [new TrajectorySeries("SGD", [0.1, 0.2], [-0.3, -0.4], [1.5, 1.25])]);

        await host.Store.AppendAsync("run-1", [Status(1, ExperimentStatus.Running), new(2, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics)], Ct);
        // Out of order within a batch: the store returns sequence order, not insertion order.
        await host.Store.AppendAsync("run-1",
        [
            new(5, TrainingEventKind.Trajectory, ExperimentStatus.Running, Trajectory: trajectory),
            new(3, TrainingEventKind.Boundary, ExperimentStatus.Running, Boundary: boundary),
            new(4, TrainingEventKind.Evaluation, ExperimentStatus.Running, Evaluation: evaluation),
        ], Ct);
        var events = await host.Store.EventsAsync("run-1", Ct);

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Sequence));
        Assert.Equal(
            [TrainingEventKind.Status, TrainingEventKind.Epoch, TrainingEventKind.Boundary, TrainingEventKind.Evaluation, TrainingEventKind.Trajectory],
            events.Select(e => e.Kind));
        Assert.Equal(metrics, events[1].Metrics);
        var storedBoundary = events[2].Boundary!;
        Assert.Equal((7, 3, -6.0, 6.0), (storedBoundary.Epoch, storedBoundary.Resolution, storedBoundary.Min, storedBoundary.Max));
        Assert.Equal(Bits(output), Bits(storedBoundary.Output));
        Assert.Equal([[0.25f, -0.75f], [MathF.PI]], storedBoundary.Neurons!);
        Assert.Equal([[1e-30f, -2.5e7f]], storedBoundary.Weights!);
        var storedEvaluation = events[3].Evaluation!;
        Assert.Equal([0, 0.5, 1], storedEvaluation.Curves[0].SignalEfficiency);
        Assert.Equal([0, 0.1, 1], storedEvaluation.Curves[0].BackgroundEfficiency);
        Assert.Equal(("signal", 0.7), (storedEvaluation.Curves[0].Label, storedEvaluation.Curves[0].Auc));
        Assert.Equal([[40L, 2], [3, 55]], storedEvaluation.ConfusionMatrix!);
        Assert.Equal(["bkg", "sig"], storedEvaluation.ClassNames!);
        var series = events[4].Trajectory!.Series[0];
        Assert.Equal((100, "SGD"), (events[4].Trajectory!.FirstStep, series.Name));
        Assert.Equal([0.1, 0.2], series.X);
        Assert.Equal([-0.3, -0.4], series.Y);
        Assert.Equal([1.5, 1.25], series.Loss);
    }

    [Fact]
    public async Task EventsAsync_NewServiceProviderOverSameDatabase_ReadsEverythingBack()
    {
        await using (var first = await OpenAsync(_clock))
        {
            await first.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
            await first.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.6931471805599453, 0.7)], Ct);
            await first.Store.AppendAsync("run-1", [Status(2, ExperimentStatus.Finished)], Ct);
        }
        ReleaseConnections();

        await using var second = await OpenAsync(new FixedTimeProvider(Start.AddDays(1)));
        var stored = await second.Store.FindAsync("run-1", Ct);
        var events = await second.Store.EventsAsync("run-1", Ct);

        Assert.Equal(ExperimentStatus.Finished, stored!.Status);
        Assert.Equal(_clock.Now, stored.FinishedAt);
        Assert.Equal("spiral", stored.Definition.RequiredData.Name);
        Assert.Equal([0L, 1, 2], events.Select(e => e.Sequence));
        Assert.Equal(new EpochMetrics(1, 0.6931471805599453, 0.7), events[1].Metrics);
        Assert.True(events[2].IsTerminal);
    }

    [Fact]
    public async Task AppendAsync_RepeatedSequences_KeepsFirstAndAddsOnlyNewOnes()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await host.Store.AppendAsync("run-1", [Epoch(0, 1, 0.9, 0.9), Epoch(1, 2, 0.8, 0.8)], Ct);

        // A retried batch that overlaps what is stored, with a repeat inside the batch too.
        await host.Store.AppendAsync("run-1", [Epoch(1, 99, 5, 5), Epoch(2, 3, 0.7, 0.7), Epoch(2, 98, 6, 6)], Ct);
        var events = await host.Store.EventsAsync("run-1", Ct);

        Assert.Equal([0L, 1, 2], events.Select(e => e.Sequence));
        Assert.Equal([1, 2, 3], events.Select(e => e.Metrics!.Epoch));
    }

    [Fact]
    public async Task AppendAsync_RepeatedTerminalEvent_KeepsFirstFinishTime()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await host.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Finished)], Ct);
        var firstFinish = _clock.Now;
        _clock.Now = firstFinish.AddHours(1);

        await host.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Finished)], Ct);
        var stored = await host.Store.FindAsync("run-1", Ct);

        Assert.Equal(firstFinish, stored!.FinishedAt);
    }

    [Fact]
    public async Task AppendAsync_UnknownExperiment_Throws()
    {
        await using var host = await OpenAsync(_clock);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.AppendAsync("nope", [Epoch(0, 1, 1, 1)], Ct));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNullAndNoEvents()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await host.Store.AppendAsync("run-1", [Epoch(0, 1, 1, 1)], Ct);

        var stored = await host.Store.FindAsync("run-2", Ct);
        var events = await host.Store.EventsAsync("run-2", Ct);

        Assert.Null(stored);
        Assert.Empty(events);
    }

    [Fact]
    public async Task FailUnfinishedAsync_MixedStatuses_FailsOnlyQueuedAndRunning()
    {
        await using var host = await OpenAsync(_clock);
        var store = host.Store;
        foreach (var id in new[] { "queued", "running", "finished", "cancelled" })
        {
            await store.CreateAsync(id, Definition(), "owner-1", Start, Ct);
        }
        await store.AppendAsync("running", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 1, 1), Epoch(2, 2, 1, 1)], Ct);
        await store.AppendAsync("finished", [Status(0, ExperimentStatus.Running), Status(1, ExperimentStatus.Finished)], Ct);
        await store.AppendAsync("cancelled", [Status(0, ExperimentStatus.Cancelled, "Stopped by user.")], Ct);
        var earlier = _clock.Now;
        var restart = earlier.AddHours(2);

        var count = await store.FailUnfinishedAsync("Server restarted.", restart, Ct);

        Assert.Equal(2, count);
        foreach (var id in new[] { "queued", "running" })
        {
            var stored = await store.FindAsync(id, Ct);
            Assert.Equal((ExperimentStatus.Failed, "Server restarted.", restart), (stored!.Status, stored.Message, stored.FinishedAt));
        }
        var finished = await store.FindAsync("finished", Ct);
        Assert.Equal((ExperimentStatus.Finished, null, earlier), (finished!.Status, finished.Message, finished.FinishedAt));
        var cancelled = await store.FindAsync("cancelled", Ct);
        Assert.Equal((ExperimentStatus.Cancelled, "Stopped by user."), (cancelled!.Status, cancelled.Message));
        // Replays of the failed runs end with a failed status event after their last stored one.
        var running = await store.EventsAsync("running", Ct);
        Assert.Equal([0L, 1, 2, 3], running.Select(e => e.Sequence));
        Assert.True(running[^1].IsTerminal);
        Assert.Equal((ExperimentStatus.Failed, "Server restarted."), (running[^1].Status, running[^1].Message));
        var queued = await store.EventsAsync("queued", Ct);
        Assert.Equal(0, Assert.Single(queued).Sequence);
        Assert.Equal(2, (await store.EventsAsync("finished", Ct)).Count);
        Assert.Equal(0, await store.FailUnfinishedAsync("Again.", restart, Ct));
    }

    [Fact]
    public async Task RecentAsync_CreatedOutOfOrder_ReturnsNewestFirstUpToCount()
    {
        await using var host = await OpenAsync(_clock);
        // Different offsets: order must follow the instant, not the local clock reading.
        await host.Store.CreateAsync("middle", Definition(), "owner-1", Start.AddSeconds(1), Ct);
        await host.Store.CreateAsync("newest", Definition("circle"), "owner-1", new DateTimeOffset(2025, 3, 14, 7, 0, 0, TimeSpan.FromHours(-2)), Ct);
        await host.Store.CreateAsync("oldest", Definition(), "owner-1", Start, Ct);

        var two = await host.Store.RecentAsync(2, Ct);
        var all = await host.Store.RecentAsync(10, Ct);

        Assert.Equal(["newest", "middle"], two.Select(e => e.Id));
        Assert.Equal(["newest", "middle", "oldest"], all.Select(e => e.Id));
        Assert.Equal("circle", all[0].Definition.RequiredData.Name);
        Assert.Empty(await host.Store.RecentAsync(0, Ct));
    }

    [Fact]
    public async Task AppendAsync_FiveHundredEventBatch_StoresAll()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        var batch = Enumerable.Range(0, 500).Select(i => Epoch(i, i, 1.0 / (i + 1), 2.0 / (i + 1))).ToList();

        await host.Store.AppendAsync("run-1", batch, Ct);
        var events = await host.Store.EventsAsync("run-1", Ct);

        Assert.Equal(500, events.Count);
        Assert.Equal(1.0 / 500, events[499].Metrics!.TrainLoss);
    }

    [Fact]
    public async Task DeleteExpiredAsync_OldAndCrowdedRuns_DeletesFinishedOnesWithEventsAndKeepsUnfinished()
    {
        await using var host = await OpenAsync(_clock);
        var store = (EfExperimentStore)host.Store;
        await store.CreateAsync("old-finished", Definition(), "owner-1", Start, Ct);
        await store.CreateAsync("old-running", Definition(), "owner-1", Start, Ct);
        await store.CreateAsync("young-1", Definition(), "owner-2", Start.AddDays(10), Ct);
        await store.CreateAsync("young-2", Definition(), "owner-2", Start.AddDays(11), Ct);
        await store.CreateAsync("young-3", Definition(), "owner-2", Start.AddDays(12), Ct);
        await store.AppendAsync("old-finished", [Epoch(0, 1, 1, 1), Status(1, ExperimentStatus.Finished)], Ct);
        await store.AppendAsync("old-running", [Status(0, ExperimentStatus.Running)], Ct);
        foreach (var id in new[] { "young-1", "young-2", "young-3" })
        {
            await store.AppendAsync(id, [Status(0, ExperimentStatus.Finished)], Ct);
        }

        var deleted = await store.DeleteExpiredAsync(Start.AddDays(1), keepPerOwner: 2, Ct);
        var left = await store.RecentAsync(10, Ct);

        Assert.Equal(2, deleted);
        Assert.Equal(["young-3", "young-2", "old-running"], left.Select(e => e.Id));
        Assert.Empty(await store.EventsAsync("old-finished", Ct));
        Assert.Empty(await store.EventsAsync("young-1", Ct));
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
