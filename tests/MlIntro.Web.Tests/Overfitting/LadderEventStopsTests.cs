using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Web.Components.Pages.Overfitting;

namespace MlIntro.Web.Tests.Overfitting;

/// <summary>The training-events slider reaches every stop from 500 to all 9,884 events, and each survives a fork link.</summary>
public sealed class LadderEventStopsTests
{
    [Fact]
    public void EventStops_FromTheSmallestToAll_EveryFiveHundredThenAllTheEvents()
    {
        var stops = LadderSettings.EventStops;

        // 500, 1,000, ..., 9,500, then the 9,884 the HIGGS source lets train at the ladder's split.
        Assert.Equal([.. Enumerable.Range(1, 19).Select(i => i * 500), 9_884], stops);
        Assert.Equal(new HiggsUciSource().TrainingRows(new DataSpec(HiggsUciSource.Name, int.MaxValue, TrainFraction: CapacityLadder.TrainFraction)), stops[^1]);
        Assert.Equal(LadderSettings.MaxEvents, stops[^1]);
    }

    [Fact]
    public void StopOf_EveryStopThroughAForkLink_SameStopBack()
    {
        var back = LadderSettings.EventStops.Select(e => LadderSettings.StopOf(LadderSettings.FromDefinition(new LadderSettings(Events: e).ToDefinition()).Events)).ToList();

        Assert.Equal(Enumerable.Range(0, LadderSettings.EventStops.Count), back);
    }

    [Theory]
    [InlineData(9_700, 19)]
    [InlineData(9_600, 18)]
    [InlineData(740, 0)]
    [InlineData(760, 1)]
    public void StopOf_CountBetweenStops_NearestStop(int events, int expected)
    {
        var stop = LadderSettings.StopOf(events);

        Assert.Equal(expected, stop);
    }
}
