using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;
using MlIntro.Web.Tests.Widgets;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: a racer named <c>&lt;a href="…"&gt;Click here to log in&lt;/a&gt;</c> became a real link in
/// Plotly's legend (Plotly renders a subset of HTML in trace names). Names reach Plotly escaped, and a series is
/// still found by its name to stream into.
/// </summary>
public sealed class PlotlyNameTests : ChartTestContext
{
    private const string Link = "<a href=\"https://example.org\">Click here to log in</a>";

    [Fact]
    public void Escape_Link_LeavesNoMarkupAndPlotlysEntities()
    {
        var escaped = PlotlyText.Escape(Link + " & <br>");

        Assert.Equal("&lt;a href=\"https://example.org\"&gt;Click here to log in&lt;/a&gt; &amp; &lt;br&gt;", escaped);
    }

    [Fact]
    public async Task SeriesChart_RacerNamedWithALink_DrawsTheEscapedNameAndStreamsIntoItsLine()
    {
        using var timeout = Timeout();
        var chart = Render<SeriesChart>(p => p
            .Add(c => c.Id, "network-race-loss")
            .Add(c => c.Series, [Link, "Adam"])
            .Add(c => c.Value, m => m.TestLoss));

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, [new EpochMetrics(1, 1, 0.25, Series: Link)], timeout.Token);

        var drawn = Plotly.CallsTo("newPlot")[^1];
        Assert.Equal(PlotlyText.Escape(Link), drawn.Name(0));
        Assert.DoesNotContain('<', drawn.Name(0));
        Assert.Equal([0], Plotly.CallsTo("extendTraces").SelectMany(c => c.ExtendedTraces).Distinct());
    }
}
