using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Overfitting;
using MlIntro.Web.Tests.Widgets;

namespace MlIntro.Web.Tests.Overfitting;

/// <summary>The ladder chart marks a model's best held-out epoch and, apart from it, where early stopping stopped it.</summary>
public sealed class LadderChartTests : ChartTestContext
{
    [Fact]
    public async Task Append_ModelStoppedEarly_DotOnTheBestEpochAndCrossOnTheStop()
    {
        using var timeout = Timeout();
        var chart = Render<LadderChart>(p => p.Add(c => c.Id, "ladder-test").Add(c => c.Models, ["Large"]));
        // Held-out loss lowest at epoch 2, then patience 3 used up at epoch 5, which goes back to epoch 2's weights.
        EpochMetrics[] epochs =
        [
            new(1, 0.70, 0.66, Series: "Large"),
            new(2, 0.62, 0.64, Series: "Large"),
            new(3, 0.55, 0.65, Series: "Large"),
            new(4, 0.49, 0.68, Series: "Large"),
            new(5, 0.44, 0.71, Series: "Large", RestoredEpoch: 2),
        ];

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, epochs, timeout.Token);

        var drawn = Plotly.Calls.Where(c => c.Method is "newPlot" or "react").ToList()[^1];
        Assert.Equal(["Large training", "Large", "Large best epoch", "Large early stop"], [drawn.Name(0), drawn.Name(1), drawn.Name(2), drawn.Name(3)]);
        Assert.Equal([2.0], drawn.X(2));
        Assert.Equal([0.64], drawn.Y(2));
        Assert.Equal([5.0], drawn.X(3));
        Assert.Equal([0.71], drawn.Y(3));
        Assert.Equal("x", drawn.Traces[3].GetProperty("marker").GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Append_ModelWithoutEarlyStopping_NoCross()
    {
        using var timeout = Timeout();
        var chart = Render<LadderChart>(p => p.Add(c => c.Id, "ladder-test").Add(c => c.Models, ["Tiny"]));
        EpochMetrics[] epochs = [new(1, 0.70, 0.66, Series: "Tiny"), new(2, 0.65, 0.64, Series: "Tiny")];

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, epochs, timeout.Token);

        var drawn = Plotly.Calls.Where(c => c.Method is "newPlot" or "react").ToList()[^1];
        Assert.Equal("Tiny early stop", drawn.Name(3));
        Assert.Empty(drawn.X(3));
    }
}
