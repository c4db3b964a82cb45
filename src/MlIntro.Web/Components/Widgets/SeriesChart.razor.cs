using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Widgets;

/// <summary>A metric per epoch, one line per series (racer), streamed.</summary>
public sealed partial class SeriesChart() : StreamingChart<EpochMetrics>("series-chart")
{
    private IReadOnlyList<string> _series = [];

    [Parameter]
    public string Title { get; set; } = "";

    /// <summary>The value drawn for one epoch of one series (e.g. test loss).</summary>
    [Parameter, EditorRequired]
    public Func<EpochMetrics, double?> Value { get; set; } = default!;

    /// <summary>Series known when the chart is created (e.g. a stored race's racers); <see cref="ResetAsync"/> changes them later.</summary>
    [Parameter]
    public IReadOnlyList<string>? Series { get; set; }

    /// <summary>Starts over with one empty line per series.</summary>
    public Task ResetAsync(IReadOnlyList<string> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return RestartAsync(() => _series = series);
    }

    protected override void OnInitialized()
    {
        _series = Series ?? [];
        base.OnInitialized();
    }

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs(Title, 300);

    protected override void BuildTraces(List<ITrace> traces)
    {
        traces.AddRange(_series.Select((name, i) => ChartLines.Line(name, new LineStyle(Colour: RaceColours.For(i), Width: 1.5m))));
    }

    protected override IEnumerable<TracePoint> Map(EpochMetrics point)
    {
        var line = LineNamed(point.Series);
        if (line >= 0)
        {
            yield return new TracePoint(line, point.Epoch, TracePoint.Finite(Value(point)));
        }
    }
}
