using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Web.Components.Pages.Experiments;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Infrastructure;
using MlIntro.Web.Tests.Runs;

namespace MlIntro.Web.Tests.Experiments;

/// <summary>
/// /e/{id} of an interrupted run: its owner resumes it there, from its last checkpoint, under the same id; anyone else
/// is told why not. The interrupted run is written to the store as a worker that died leaves it.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class ResumeInterruptedPageTests(SharedApp shared)
{
    private const int Epochs = 12;

    private IExperimentStore Store => shared.Factory.Services.GetRequiredService<IExperimentStore>();

    /// <summary>Five epochs recorded, a checkpoint after epoch 4, then the worker died.</summary>
    private async Task<string> InterruptedRunAsync(string ownerId, CancellationToken cancellationToken)
    {
        var id = ExperimentIds.New();
        await Store.CreateAsync(id, Definitions.SmallMlp(Epochs), ownerId, DateTimeOffset.UtcNow, cancellationToken);
        // SmallMlp is 2-4-1: weights [4, 2] and [1, 4], biases [4] and [1].
        var checkpoint = new ModelCheckpoint(4, [[0.5f, -0.5f, 0.25f, -0.25f, 1f, -1f, 0.1f, -0.1f], [1f, -1f, 0.5f, -0.5f]], [[0f, 0f, 0f, 0f], [0f]]);
        TrainingEvent Epoch(long sequence, int epoch) =>
            new(sequence, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: new EpochMetrics(epoch, 1.0 / epoch, 1.1 / epoch));
        await Store.AppendAsync(id,
        [
            new TrainingEvent(0, TrainingEventKind.Status, ExperimentStatus.Running),
            Epoch(1, 1), Epoch(2, 2), Epoch(3, 3), Epoch(4, 4),
            new TrainingEvent(5, TrainingEventKind.Checkpoint, ExperimentStatus.Running, Checkpoint: checkpoint),
            Epoch(6, 5),
            new TrainingEvent(7, TrainingEventKind.Status, ExperimentStatus.Interrupted, Message: "The worker training this run stopped."),
        ], cancellationToken);
        return id;
    }

    private BunitContext Page() => LessonRunContext.Create(shared, pages: true);

    [Fact]
    public async Task Resume_ByItsOwner_TrainsOnFromTheCheckpointUnderTheSameIdAndReloadsThePage()
    {
        using var timeout = HubClient.Timeout(90);
        await using var context = Page();
        var owner = context.Services.GetRequiredService<PageOwner>().Owner.Id;
        var id = await InterruptedRunAsync(owner, timeout.Token);
        var page = context.Render<ExperimentPage>(p => p.Add(e => e.Id, id));
        page.WaitForAssertion(() => Assert.Contains("its owner can resume it", page.Find("[data-testid=experiment-outcome]").TextContent, StringComparison.Ordinal));

        await page.Find("[data-testid=resume-interrupted]").ClickAsync(new());
        var events = new List<TrainingEvent>();
        await foreach (var e in shared.Factory.Services.GetRequiredService<TrainingService>().WatchAsync(id, timeout.Token))
        {
            events.Add(e);
        }

        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        Assert.EndsWith($"/e/{id}", navigation.Uri, StringComparison.Ordinal);
        Assert.True(navigation.History.First().Options.ForceLoad);
        // Epochs up to the checkpoint are kept; epoch 5 is trained again from the checkpoint's weights, then the rest.
        Assert.Equal(Enumerable.Range(1, Epochs), events.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(1.0 / 4, events.EpochMetrics()[3].TrainLoss);
        Assert.NotEqual(1.0 / 5, events.EpochMetrics()[4].TrainLoss);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
    }

    [Fact]
    public async Task Resume_BySomeoneElse_SaysOnlyItsOwnerMayAndLeavesItInterrupted()
    {
        using var timeout = HubClient.Timeout(60);
        await using var context = Page();
        var id = await InterruptedRunAsync("someone-else", timeout.Token);
        var page = context.Render<ExperimentPage>(p => p.Add(e => e.Id, id));
        page.WaitForElement("[data-testid=resume-interrupted]");

        await page.Find("[data-testid=resume-interrupted]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Only the session that started a run can resume it", page.Find("[data-testid=resume-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ExperimentStatus.Interrupted, (await Store.FindAsync(id, timeout.Token))!.Status);
    }
}
