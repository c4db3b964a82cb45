using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Runs;

/// <summary>The one way lesson pages run, follow, control and give up a run, tested on a real training service.</summary>
[Collection(HubTestGroup.Name)]
public sealed class LessonRunTests(SharedApp shared)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private TrainingService Training => shared.Factory.Services.GetRequiredService<TrainingService>();

    [Fact]
    public async Task StartAsync_SmallRun_AppliesEveryEpochInOrderInFewerBatchesAndEndsFinished()
    {
        await using var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();

        await probe.InvokeAsync(() => probe.Instance.Lesson.StartAsync(Definitions.SmallMlp(epochs: 60)));
        probe.WaitForAssertion(() => Assert.Equal("Finished", probe.Find("#status").TextContent), Wait);

        var epochs = probe.Instance.Applied.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Metrics!.Epoch).ToList();
        Assert.Equal(Enumerable.Range(1, 60), epochs);
        Assert.Equal("60", probe.Find("#epoch").TextContent);
        Assert.InRange(probe.Instance.Batches, 1, probe.Instance.Applied.Count - 1);
        Assert.False(probe.Instance.Lesson.IsActive);
    }

    [Fact]
    public async Task StepAndResume_PausedRun_StepTrainsOneEpochThenResumeTrainsOn()
    {
        await using var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();
        var run = probe.Instance.Lesson;
        await probe.InvokeAsync(() => run.StartAsync(Definitions.Endless(), paused: true));
        await Task.Delay(300);
        var beforeStep = run.Epoch;

        await probe.InvokeAsync(() => run.StepAsync());
        probe.WaitForAssertion(() => Assert.Equal(beforeStep + 1, run.Epoch), Wait);
        await Task.Delay(500);
        var afterWaiting = run.Epoch;
        await probe.InvokeAsync(() => run.ResumeAsync());
        probe.WaitForAssertion(() => Assert.True(run.Epoch > afterWaiting + 5), Wait);

        Assert.Equal(0, beforeStep); // started paused: not one epoch before the step
        Assert.Equal(1, afterWaiting);
        Assert.True(run.IsPlaying);
        await probe.InvokeAsync(run.StopAsync);
    }

    [Fact]
    public async Task StopAsync_RunningRun_CancelsItInTheServiceAndForgetsIt()
    {
        await using var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();
        var run = probe.Instance.Lesson;
        await probe.InvokeAsync(() => run.StartAsync(Definitions.Endless()));
        probe.WaitForAssertion(() => Assert.True(run.Epoch >= 2), Wait);
        var id = run.Id!;

        await probe.InvokeAsync(run.StopAsync);

        Assert.Null(run.Id);
        Assert.False(run.IsActive);
        Assert.Equal(ExperimentStatus.Cancelled, await FinalStatusAsync(id));
    }

    [Fact]
    public async Task Dispose_PageWithARunningRun_CancelsTheRunItStarted()
    {
        var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();
        await probe.InvokeAsync(() => probe.Instance.Lesson.StartAsync(Definitions.Endless()));
        probe.WaitForAssertion(() => Assert.True(probe.Instance.Lesson.Epoch >= 1), Wait);
        var id = probe.Instance.Lesson.Id!;

        await context.DisposeAsync();

        Assert.Equal(ExperimentStatus.Cancelled, await FinalStatusAsync(id));
    }

    [Fact]
    public async Task FollowAsync_SomeoneElsesRun_ReplaysAndFollowsButCannotControlIt()
    {
        using var timeout = HubClient.Timeout();
        var id = await Training.StartAsync(Definitions.SmallMlp(epochs: 40), "someone-else", timeout.Token);
        await using var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();

        await probe.InvokeAsync(() => probe.Instance.Lesson.FollowAsync(id));
        var paused = await probe.InvokeAsync(() => probe.Instance.Lesson.PauseAsync());
        probe.WaitForAssertion(() => Assert.Equal("Finished", probe.Find("#status").TextContent), Wait);

        Assert.False(paused);
        Assert.Equal(40, probe.Instance.Applied.Count(e => e.Kind == TrainingEventKind.Epoch));
    }

    [Fact]
    public async Task StartAsync_InvalidDefinition_ShowsTheServiceErrorNamingTheField()
    {
        await using var context = LessonRunContext.Create(shared);
        var probe = context.Render<ProbeComponent>();
        var broken = Definitions.SmallMlp() with { Optimizer = new OptimizerSpec(OptimizerKind.Adam, -1) };

        var started = await probe.InvokeAsync(() => probe.Instance.Lesson.StartAsync(broken));
        probe.Render();

        Assert.False(started);
        Assert.Null(probe.Instance.Lesson.Id);
        Assert.Contains("Optimizer.LearningRate", probe.Find("#error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ApplyThrows_ErrorIsShownOnThePageAndLogged()
    {
        var logger = new CapturingLogger<LessonRun>();
        await using var context = LessonRunContext.Create(shared, logger);
        var probe = context.Render<ProbeComponent>(p => p.Add(c => c.FailAtEpoch, 3));

        await probe.InvokeAsync(() => probe.Instance.Lesson.StartAsync(Definitions.SmallMlp(epochs: 20)));
        probe.WaitForAssertion(() => Assert.Contains("probe broke at epoch 3", probe.Find("#error").TextContent, StringComparison.Ordinal), Wait);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "probe broke at epoch 3");
    }

    private async Task<ExperimentStatus> FinalStatusAsync(string id)
    {
        using var timeout = HubClient.Timeout();
        var status = ExperimentStatus.Queued;
        await foreach (var e in Training.WatchAsync(id, timeout.Token))
        {
            status = e.IsTerminal ? e.Status : status;
        }
        return status;
    }
}
