using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Runs;

public sealed class RunLifetimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrainingOptions Limits = new() { OrphanedRunLifetime = TimeSpan.FromMinutes(10), MaxRunDuration = TimeSpan.FromHours(1) };

    [Fact]
    public void ExpiryReason_OwnerConnected_NoneUntilTheDurationLimit()
    {
        using var run = RunStartedAt(Start);

        var before = RunLifetime.ExpiryReason(run, ownerAbsentSince: null, Start.AddMinutes(59), Limits);
        var after = RunLifetime.ExpiryReason(run, ownerAbsentSince: null, Start.AddMinutes(60), Limits);

        Assert.Null(before);
        Assert.Equal("Stopped: it reached the server's limit of 1 hour per run.", after);
    }

    [Fact]
    public void ExpiryReason_OwnerLeft_StopsTenMinutesAfterTheyLeft()
    {
        using var run = RunStartedAt(Start);
        var left = Start.AddMinutes(5);

        var before = RunLifetime.ExpiryReason(run, left, left.AddMinutes(9.9), Limits);
        var after = RunLifetime.ExpiryReason(run, left, left.AddMinutes(10), Limits);

        Assert.Null(before);
        Assert.Equal("Stopped: its owner left 10 minutes ago (runs without a connected owner end after 10 minutes).", after);
    }

    [Fact]
    public void ExpiryReason_OwnerNeverSeen_CountsFromTheRunsStart()
    {
        using var run = RunStartedAt(Start);

        var reason = RunLifetime.ExpiryReason(run, DateTimeOffset.MinValue, Start.AddMinutes(10), Limits);

        Assert.StartsWith("Stopped: its owner left 10 minutes ago", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentSince_TwoConnectionsOneClosed_PresentUntilTheLastCloses()
    {
        var clock = new ManualClock(Start);
        var presence = new OwnerPresence(clock);
        var first = presence.Enter("A");
        var second = presence.Enter("A");

        first.Dispose();
        first.Dispose(); // twice is once
        var afterOne = presence.AbsentSince("A");
        clock.Now = Start.AddSeconds(30);
        second.Dispose();
        var afterBoth = presence.AbsentSince("A");
        presence.ForgetAllBut(new HashSet<string>());

        Assert.Null(afterOne);
        Assert.Equal(Start.AddSeconds(30), afterBoth);
        Assert.Equal(DateTimeOffset.MinValue, presence.AbsentSince("A"));
    }

    private static ExperimentRun RunStartedAt(DateTimeOffset at) =>
        new(ExperimentIds.New(), Trainer.Definition("circle"), "A") { CreatedAt = at };

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
