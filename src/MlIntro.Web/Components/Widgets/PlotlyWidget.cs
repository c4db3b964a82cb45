using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// What every Plotly widget shares, in the spirit of MudBlazor's MudComponentBase: the chart with its traces, layout
/// and config, the moment plotly has first drawn, and a redraw when the parameters the traces come from change. A
/// widget says how its layout and traces look and places <see cref="Plot"/> inside its own element.
/// </summary>
public abstract class PlotlyWidget : ComponentBase
{
    private readonly Config _config = new() { Responsive = true, DisplayModeBar = DisplayModeBarEnum.False };
    private readonly Action _markReady;
    private object? _drawnFrom;
    private volatile bool _plotReady;

    protected PlotlyWidget(string defaultId)
    {
        Id = defaultId;
        _markReady = () => _plotReady = true;
    }

    /// <summary>The chart element's id: pages, scripts and browser tests find the chart by it.</summary>
    [Parameter]
    public string Id { get; set; }

    /// <summary>The traces drawn; the chart keeps this very list, so it is changed in place, never replaced.</summary>
    protected List<ITrace> Traces { get; } = [];

    protected PlotlyLayout PlotLayout { get; private set; } = new();

    protected PlotlyChart? Chart { get; private set; }

    /// <summary>True once plotly's first newPlot has run: extending traces before it would draw points twice.</summary>
    protected bool IsPlotReady => _plotReady;

    /// <summary>The chart, for the widget's markup.</summary>
    protected RenderFragment Plot => builder =>
    {
        builder.OpenComponent<PlotlyChart>(0);
        builder.AddComponentParameter(1, nameof(PlotlyChart.Id), Id);
        builder.AddComponentParameter(2, nameof(PlotlyChart.Config), _config);
        builder.AddComponentParameter(3, nameof(PlotlyChart.Layout), PlotLayout);
        builder.AddComponentParameter(4, nameof(PlotlyChart.Data), Traces);
        builder.AddComponentParameter(5, nameof(PlotlyChart.AfterRender), _markReady);
        builder.AddComponentReferenceCapture(6, chart => Chart = (PlotlyChart)chart);
        builder.CloseComponent();
    };

    /// <summary>
    /// The parameters the chart is built from (a tuple of them): when it changes, the layout and traces are rebuilt
    /// and redrawn. Null for widgets fed by pushed points instead.
    /// </summary>
    protected virtual object? DrawnFrom => null;

    protected abstract PlotlyLayout CreateLayout();

    /// <summary>Fills the (empty) trace list from the widget's current state.</summary>
    protected abstract void BuildTraces(List<ITrace> traces);

    protected override void OnInitialized()
    {
        PlotLayout = CreateLayout();
        RebuildTraces();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Chart is null || Equals(DrawnFrom, _drawnFrom))
        {
            return;
        }
        ChartLayouts.Pour(CreateLayout(), PlotLayout);
        RebuildTraces();
        await Chart.React();
    }

    protected void RebuildTraces()
    {
        _drawnFrom = DrawnFrom;
        Traces.Clear();
        BuildTraces(Traces);
    }
}
