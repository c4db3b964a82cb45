using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Pages.Tuning;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>/tuning's "boosted decision trees" model: its controls make a study of trees that trains through the hub, and a fork fills them back.</summary>
[Collection(HubTestGroup.Name)]
public sealed class TreeStudyPageSettingsTests(SharedApp shared)
{
    [Fact]
    public async Task Start_TreeStudyFromThePagesControlsOnHiggs_EveryTrialCompletesWithItsOwnSettings()
    {
        using var timeout = HubClient.Timeout(180);
        var settings = new TuningSettings(Data: "higgs-uci", Points: 2000, Objective: StudyObjective.Auc, Trials: 4, Population: 2, Epochs: 20, Trees: true);
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);

        var run = await client.StartRunAsync(settings.Definition(), timeout.Token);
        var events = await client.WatchToEndAsync(run, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        var trials = events.Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.InRange(t.Values[TreeSearch.Leaves], TuningSettings.LeavesRange.Min, TuningSettings.LeavesRange.Max));
        Assert.All(trials, t => Assert.InRange(t.Values[TreeSearch.MinEventsPerLeaf], TuningSettings.MinEventsRange.Min, TuningSettings.MinEventsRange.Max));
        // Trees on 2,000 HIGGS events separate signal from background clearly better than chance.
        Assert.All(trials, t => Assert.InRange(t.Objective!.Value, 0.6, 0.9));
    }

    [Fact]
    public void From_TreeStudyDefinition_GivesBackTheControlsThatMadeIt()
    {
        var settings = new TuningSettings(Data: "gauss", Trees: true, SearchLeaves: false, SearchMinEvents: true, SearchFeatureFraction: true,
            LearningRateLow: 0.02, LearningRateHigh: 0.2, Epochs: 30);

        var back = TuningSettings.From(settings.Definition());

        Assert.Equal(settings, back);
    }
}
