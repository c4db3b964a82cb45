using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Evaluation;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Trees;

[Collection(HubTestGroup.Name)]
public sealed class TreesHubTests(SharedApp shared)
{
    [Fact]
    public async Task Start_EvaluationPagesTreesDefinition_StreamsOneEpochPerRoundAndTheStoreKeepsTheTreesFrame()
    {
        using var timeout = HubClient.Timeout(120);
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var settings = EvaluationSettings.Default with { UseTrees = true, Rounds = 12 };
        var definition = settings.ToDefinition(EvaluationSettings.DataFor(GaussTutorialSource.Name));

        var id = await client.StartRunAsync(definition, timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.Equal(Enumerable.Range(1, 12), events.EpochMetrics().Select(m => m.Epoch));
        var trees = Assert.Single(events, e => e.Kind == TrainingEventKind.Trees).Trees!;
        Assert.Equal(["x1", "x2"], trees.Importance.Select(f => f.Feature).Order());
        var final = events.Last(e => e.Kind == TrainingEventKind.Evaluation).Evaluation!;
        Assert.True(final.IsFinal);
        // The page holds out a validation share: the rounds are measured on it, the final frame on the untouched test events.
        Assert.Equal("validation", trees.HeldOutSplit);
        Assert.Equal("test", final.Split);
        Assert.All(events.EpochMetrics(), m => Assert.NotNull(m.ValidationLoss));
        // Stored: /e/{id} shows the importance after the run without training again.
        var store = shared.Factory.Services.GetRequiredService<IExperimentStore>();
        var stored = await WaitForStoredTreesAsync(store, id, timeout.Token);
        Assert.Equal(trees.HeldOutAuc, stored.HeldOutAuc);
    }

    [Fact]
    public async Task Start_TreesWithBadLeaves_RefusedNamingTheField()
    {
        using var timeout = HubClient.Timeout(60);
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var settings = EvaluationSettings.Default with { UseTrees = true, Trees = new(Leaves: 1) };

        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => client.StartRunAsync(settings.ToDefinition(EvaluationSettings.DataFor(GaussTutorialSource.Name)), timeout.Token));

        Assert.Contains("BoostedTrees.Leaves must be between 2 and 1024.", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task<MlIntro.Core.Experiments.Trees.TreesFrame> WaitForStoredTreesAsync(IExperimentStore store, string id, CancellationToken token)
    {
        // The recorder gathers writes for a second before it stores them.
        while (true)
        {
            var events = await store.EventsAsync(id, token);
            if (events.LastOrDefault(e => e.Trees is not null)?.Trees is { } frame)
            {
                return frame;
            }
            await Task.Delay(200, token);
        }
    }
}
