using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace MlIntro.Web.Tests.Widgets;

/// <summary>A bUnit context per test with Plotly.Blazor's module recorded (<see cref="Plotly"/>).</summary>
public abstract class ChartTestContext : BunitContext
{
    /// <summary>How long a test waits for the flush loop on a loaded 2-core machine; a tick is 100 ms.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected ChartTestContext() => Plotly = PlotlyModule.SetUp(this);

    protected PlotlyModule Plotly { get; }

    /// <summary>A test's whole budget, for what it awaits.</summary>
    protected static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(60));

    /// <summary>The chart's data-points attribute: how many points it has drawn.</summary>
    protected static string DataPoints<TChart>(IRenderedComponent<TChart> chart)
        where TChart : IComponent => chart.Find("[data-points]").GetAttribute("data-points")!;

    /// <summary>
    /// Appends <paramref name="points"/> from another thread, as a run's events arrive, and waits until the chart
    /// (empty before) has drawn them all.
    /// </summary>
    protected static async Task AppendFromAnotherThreadAsync<TChart, TPoint>(
        IRenderedComponent<TChart> chart, Action<TPoint> append, IReadOnlyList<TPoint> points, CancellationToken cancellationToken)
        where TChart : IComponent
    {
        ArgumentNullException.ThrowIfNull(points);
        await Task.Run(() => points.ToList().ForEach(append), cancellationToken);
        var count = points.Count.ToString(CultureInfo.InvariantCulture);
        chart.WaitForAssertion(() => Assert.Equal(count, DataPoints(chart)), Patience);
    }
}
