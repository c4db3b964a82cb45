using Bunit;
using MlIntro.Core.Tracking;
using MlIntro.Web.Components.Pages.Runs;
using MlIntro.Web.Tests.Widgets;

namespace MlIntro.Web.Tests.Runs;

/// <summary>Issue 13 item 5: the resource charts name the compared runs that have no events per second, or no figures at all.</summary>
public sealed class UsageChartsTextTests : MudChartTest
{
    [Fact]
    public void Render_CountedUncountedAndUnmeasuredRuns_NamesOnlyTheRunsWithoutFigures()
    {
        IReadOnlyList<RunUsage> counted = [new(0.5, 1000, 0.4), new(1.0, 1100, 0.45)];
        IReadOnlyList<RunUsage> uncounted = [new(0.5, null, 0.3), new(1.0, null, 0.35)];

        var charts = Context.Render<UsageCharts>(p => p
            .Add(c => c.Runs, [("playground-run", counted), ("likelihood-run", uncounted), ("surface-race", [])])
            .Add(c => c.IdPrefix, "u"));

        var noRate = charts.Find("[data-testid=usage-uncounted]").TextContent;
        var none = charts.Find("[data-testid=usage-unmeasured]").TextContent;
        Assert.Contains("likelihood-run", noRate, StringComparison.Ordinal);
        Assert.DoesNotContain("playground-run", noRate, StringComparison.Ordinal);
        Assert.DoesNotContain("surface-race", noRate, StringComparison.Ordinal);
        Assert.Contains("surface-race", none, StringComparison.Ordinal);
        Assert.DoesNotContain("likelihood-run", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryRunCounted_SaysNothingMissing()
    {
        IReadOnlyList<RunUsage> counted = [new(0.5, 1000, 0.4)];

        var charts = Context.Render<UsageCharts>(p => p.Add(c => c.Runs, [("a", counted), ("b", counted)]).Add(c => c.IdPrefix, "u"));

        Assert.Empty(charts.FindAll("[data-testid=usage-uncounted]"));
        Assert.Empty(charts.FindAll("[data-testid=usage-unmeasured]"));
    }
}
