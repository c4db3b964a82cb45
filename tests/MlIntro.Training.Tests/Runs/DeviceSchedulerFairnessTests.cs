using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Runs;

/// <summary>
/// Issue 9 item 3 at the scheduler: heavy runs cannot take the light runs' slots, quotas count the client address, and a
/// refused run leaves nothing reserved. Runs labelled "h…" are heavy, the rest light.
/// </summary>
public sealed class DeviceSchedulerFairnessTests
{
    [Fact]
    public async Task Enqueue_EightOwnersFillEveryHeavySlotAndQueue_ANewOwnersLightRunStartsAtOnce()
    {
        // The starvation at the scheduler: 8 connections x 4 long runs took all 32 slots, and a normal client's
        // Playground waited behind them. Heavy runs now wait for their own (few) slots.
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 32, MaxConcurrentHeavyRuns = 1 });
        for (var owner = 0; owner < 8; owner++)
        {
            for (var run = 0; run < 4; run++)
            {
                scheduler.Enqueue(RecordingExecutor.Run($"abuser-{owner}", $"h{owner}-{run}").Run);
            }
        }
        await executor.WaitUntilStarted(1);

        scheduler.Enqueue(RecordingExecutor.Run("student", "light").Run);
        await executor.WaitUntilStarted(2);
        var (running, queued) = (scheduler.Running, scheduler.Queued);
        executor.Release();
        await executor.WaitUntilFinished(33);

        Assert.Equal("light", executor.Started[1]);
        Assert.Equal((2, 31), (running, queued));
    }

    [Fact]
    public async Task Enqueue_HeavyRunsOfTwoOwners_TakeTheHeavySlotInTurns()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 8, MaxConcurrentHeavyRuns = 1 });
        var runs = new[] { ("A", "h-a1"), ("A", "h-a2"), ("A", "h-a3"), ("B", "h-b1"), ("B", "h-b2") };

        foreach (var (owner, label) in runs)
        {
            scheduler.Enqueue(RecordingExecutor.Run(owner, label).Run);
        }
        executor.Release();
        await executor.WaitUntilFinished(runs.Length);

        Assert.Equal(["h-a1", "h-b1", "h-a2", "h-b2", "h-a3"], executor.Started);
    }

    [Fact]
    public async Task Admit_AddressAtLimit_RefusesEveryOwnerBehindItButNotOthers()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxRunsPerOwner = 2, MaxRunsPerAddress = 3 });
        scheduler.Enqueue(RecordingExecutor.Run("A", "a1", "10.0.0.1").Run);
        scheduler.Enqueue(RecordingExecutor.Run("A", "a2", "10.0.0.1").Run);
        scheduler.Enqueue(RecordingExecutor.Run("B", "b1", "10.0.0.1").Run);

        var refused = Assert.Throws<TrainingRejectedException>(() => scheduler.Enqueue(RecordingExecutor.Run("B", "b2", "10.0.0.1").Run));
        scheduler.Enqueue(RecordingExecutor.Run("C", "c1", "10.0.0.2").Run);
        executor.Release();
        await executor.WaitUntilFinished(4);
        scheduler.Enqueue(RecordingExecutor.Run("B", "b3", "10.0.0.1").Run); // the address has room again
        await executor.WaitUntilFinished(5);

        Assert.Contains("network address already has 3 unfinished runs (the limit is 3)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["a1", "a2", "b1", "b3", "c1"], executor.Started.Order());
    }

    [Fact]
    public async Task Withdraw_AdmittedRun_GivesBackItsQuotaAndQueuePlace()
    {
        using var executor = new RecordingExecutor();
        var scheduler = Scheduler(executor, new TrainingOptions { MaxConcurrentRuns = 1, MaxQueuedRuns = 1, MaxRunsPerOwner = 1 });
        var stored = RecordingExecutor.Run("A", "a1").Run;
        scheduler.Admit(stored);
        var queuedWhileAdmitted = scheduler.Queued;

        var refused = Assert.Throws<TrainingRejectedException>(() => scheduler.Admit(RecordingExecutor.Run("A", "a2").Run));
        scheduler.Withdraw(stored);
        var queuedAfter = scheduler.Queued;
        scheduler.Enqueue(RecordingExecutor.Run("A", "a3").Run);
        executor.Release();
        await executor.WaitUntilFinished(1);

        Assert.Contains("limit is 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (queuedWhileAdmitted, queuedAfter));
        Assert.Equal(["a3"], executor.Started);
    }

    private static DeviceScheduler Scheduler(RecordingExecutor executor, TrainingOptions options) =>
        new(Options.Create(options), _ => executor, NullLogger<DeviceScheduler>.Instance,
            run => run.Definition.RequiredData.Name.StartsWith('h') ? RunWeight.Heavy : RunWeight.Light);
}
