using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Runs;

public sealed class DeviceSchedulerTests
{
    [Fact]
    public async Task Enqueue_OneSlotAndTwoOwners_ServesTheWaitingOwnerNext()
    {
        // A's first run holds the only slot while A queues two more and B one: B has not been served yet, A has,
        // so B goes next, then A's remaining runs.
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1 });
        var runs = new[] { Run("A", "a1"), Run("A", "a2"), Run("A", "a3"), Run("B", "b1") };

        foreach (var run in runs)
        {
            scheduler.Enqueue(run.Run);
        }
        await executor.WaitUntilStarted(1);
        executor.Release();
        await Task.WhenAll(runs.Select(r => r.Log.Terminal)).WaitAsync(RecordingExecutor.Patience);

        Assert.Equal(["a1", "b1", "a2", "a3"], executor.Started);
        Assert.Equal(0, scheduler.Running);
        Assert.Equal(0, scheduler.Queued);
    }

    [Fact]
    public async Task Enqueue_TwoOwnersWithThreeRunsEach_AlternateBetweenOwners()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1 });
        var runs = new[] { Run("A", "a1"), Run("A", "a2"), Run("A", "a3"), Run("B", "b1"), Run("B", "b2"), Run("B", "b3") };

        foreach (var run in runs)
        {
            scheduler.Enqueue(run.Run);
        }
        executor.Release();
        await Task.WhenAll(runs.Select(r => r.Log.Terminal)).WaitAsync(RecordingExecutor.Patience);

        Assert.Equal(["a1", "b1", "a2", "b2", "a3", "b3"], executor.Started);
    }

    [Fact]
    public async Task Enqueue_MoreRunsThanSlots_StartsOnlyAsManyAsSlots()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 2 });

        foreach (var owner in new[] { "A", "B", "C", "D", "E" })
        {
            scheduler.Enqueue(Run(owner, owner).Run);
        }
        await executor.WaitUntilStarted(2);
        await Task.Delay(100);
        var startedWhileBlocked = executor.Started.Count;
        var (running, queued) = (scheduler.Running, scheduler.Queued);
        executor.Release();
        await executor.WaitUntilFinished(5);

        Assert.Equal(2, startedWhileBlocked);
        Assert.Equal((2, 3), (running, queued));
        // Two runs start at a time on their own threads, so the recorded order within a pair is a race.
        Assert.Equal(["A", "B", "C", "D", "E"], executor.Started.Order());
    }

    [Fact]
    public async Task Enqueue_OwnerAtLimit_IsRejectedWhileOthersAreNot()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1, MaxRunsPerOwner = 2 });
        scheduler.Enqueue(Run("A", "a1").Run);
        scheduler.Enqueue(Run("A", "a2").Run);

        var refused = Assert.Throws<TrainingRejectedException>(() => scheduler.Enqueue(Run("A", "a3").Run));
        scheduler.Enqueue(Run("B", "b1").Run);
        executor.Release();
        await executor.WaitUntilFinished(3);
        scheduler.Enqueue(Run("A", "a4").Run);
        await executor.WaitUntilFinished(4);

        Assert.Contains("limit is 2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["a1", "a2", "a4", "b1"], executor.Started.Order());
    }

    [Fact]
    public async Task Enqueue_QueueFull_IsRejectedAsBusy()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1, MaxQueuedRuns = 2, MaxRunsPerOwner = 10 });
        scheduler.Enqueue(Run("A", "a1").Run);
        await executor.WaitUntilStarted(1);
        scheduler.Enqueue(Run("B", "b1").Run);
        scheduler.Enqueue(Run("C", "c1").Run);

        var refused = Assert.Throws<TrainingRejectedException>(() => scheduler.Enqueue(Run("D", "d1").Run));

        Assert.Contains("busy", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, scheduler.Running);
        Assert.Equal(2, scheduler.Queued);
        executor.Release();
        await executor.WaitUntilFinished(3);
    }

    [Fact]
    public async Task TryDequeue_QueuedRun_RemovesItAndFreesTheOwnersQuota()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1, MaxRunsPerOwner = 2 });
        var running = Run("A", "a1");
        var waiting = Run("A", "a2");
        scheduler.Enqueue(running.Run);
        await executor.WaitUntilStarted(1);
        scheduler.Enqueue(waiting.Run);

        var removedWaiting = scheduler.TryDequeue(waiting.Run);
        var removedRunning = scheduler.TryDequeue(running.Run);
        scheduler.Enqueue(Run("A", "a3").Run); // fits again: a2 no longer counts against A's two
        var queuedAfter = scheduler.Queued;
        executor.Release();
        await executor.WaitUntilFinished(2);

        Assert.True(removedWaiting);
        Assert.False(removedRunning);
        Assert.Equal(1, queuedAfter);
        Assert.Equal(["a1", "a3"], executor.Started);
    }

    private static DeviceScheduler Scheduler(RecordingExecutor executor, TrainingOptions options) =>
        new(Options.Create(options), _ => executor, NullLogger<DeviceScheduler>.Instance);

    private static (ExperimentRun Run, RunLog Log) Run(string owner, string label) => RecordingExecutor.Run(owner, label);
}
