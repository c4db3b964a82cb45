using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace MlIntro.Web.Components.Widgets;

/// <summary>A metric per epoch, one trace per series (racer), buffered and appended with Plotly's extendTraces.</summary>
public sealed partial class SeriesChart
{
    private readonly Lock _gate = new();
    private readonly List<EpochMetrics> _pending = [];
    private readonly Config _config = new() { Responsive = true, DisplayModeBar = DisplayModeBarEnum.False };
    private readonly List<ITrace> _data = [];
    private PeriodicTimer? _timer;
    private PlotlyChart? _chart;
    private PlotlyLayout _layout = default!;
    private int _plotted;

    // As in LossChart: extending before the first newPlot has drawn would draw the points twice.
    private volatile bool _plotReady;

    [Parameter]
    public string Id { get; set; } = "series-chart";

    [Parameter]
    public string Title { get; set; } = "";

    /// <summary>The value drawn for one epoch of one series (e.g. test loss).</summary>
    [Parameter, EditorRequired]
    public Func<EpochMetrics, double?> Value { get; set; } = default!;

    /// <summary>Series known when the chart is created (e.g. a stored race's racers); <see cref="ResetAsync"/> changes them later.</summary>
    [Parameter]
    public IReadOnlyList<string>? Series { get; set; }

    /// <summary>Queues points to draw; safe from any thread.</summary>
    public void Append(EpochMetrics metrics)
    {
        lock (_gate)
        {
            _pending.Add(metrics);
        }
    }

    /// <summary>Starts over with one empty trace per series.</summary>
    public async Task ResetAsync(IReadOnlyList<string> series)
    {
        lock (_gate)
        {
            _pending.Clear();
        }
        _plotted = 0;
        BuildTraces(series);
        if (_chart is not null)
        {
            await _chart.React();
        }
    }

    private void BuildTraces(IReadOnlyList<string> series)
    {
        _data.Clear();
        _data.AddRange(series.Select((name, i) => new Scatter
        {
            Name = name, Mode = ModeFlag.Lines, X = new List<object>(), Y = new List<object>(),
            Line = new Line { Color = RaceColours.For(i), Width = 1.5m },
        }));
    }

    protected override void OnInitialized()
    {
        BuildTraces(Series ?? []);
        _layout = CreateLayout();
    }

    private PlotlyLayout CreateLayout() => new()
    {
        Title = new Title { Text = Title },
        Height = 300,
        Margin = new Margin { L = 50, R = 10, T = 40, B = 40 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "epoch" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }],
    };

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            _ = FlushLoopAsync(_timer);
        }
    }

    private async Task FlushLoopAsync(PeriodicTimer timer)
    {
        while (await timer.WaitForNextTickAsync())
        {
            if (!_plotReady)
            {
                continue;
            }
            EpochMetrics[] batch;
            lock (_gate)
            {
                batch = [.. _pending];
                _pending.Clear();
            }
            var names = _data.OfType<Scatter>().Select(s => s.Name).ToList();
            var groups = batch.GroupBy(m => names.IndexOf(m.Series)).Where(g => g.Key >= 0).ToList();
            if (groups.Count == 0 || _chart is null)
            {
                continue;
            }
            await InvokeAsync(async () =>
            {
                try
                {
                    await _chart.ExtendTraces(
                        groups.Select(g => g.Select(m => (object)m.Epoch)),
                        groups.Select(g => g.Select(m => (object)(Value(m) is { } v && double.IsFinite(v) ? v : double.NaN))),
                        groups.Select(g => g.Key));
                }
                catch (JSException)
                {
                    // The component keeps every point in its own traces too: redraw from them instead of losing the
                    // batch (and with it the flush loop).
                    await _chart.React();
                }
                _plotted += batch.Length;
                StateHasChanged();
            });
        }
    }

    public ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        return ValueTask.CompletedTask;
    }
}
