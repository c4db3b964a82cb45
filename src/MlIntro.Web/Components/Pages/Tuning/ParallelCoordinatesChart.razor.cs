using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ParCoordsLib;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>
/// TensorBoard HParams' parallel coordinates view: every trial a line through its parameter values and its objective,
/// coloured by the objective; brushing axes tells <see cref="Brushed"/> which trials are left.
/// </summary>
public sealed partial class ParallelCoordinatesChart() : PlotlyWidget("parallel-coordinates"), IAsyncDisposable
{
    private const string Module = "./Components/Pages/Tuning/ParallelCoordinatesChart.razor.js";
    private DotNetObjectReference<ParallelCoordinatesChart>? _self;
    private IJSObjectReference? _module;
    private bool _watching;
    private double[][][] _ranges = [];

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<TrialRecord> Trials { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<SearchDimension> Dimensions { get; set; } = [];

    [Parameter]
    public StudyObjective Objective { get; set; }

    [Parameter]
    public int Version { get; set; }

    /// <summary>The trial numbers inside every brushed range (all of them when nothing is brushed).</summary>
    [Parameter]
    public EventCallback<IReadOnlySet<int>> Filtered { get; set; }

    protected override object? DrawnFrom => (Version, Trials.Count);

    /// <summary>Called from the page's script when the user brushes an axis.</summary>
    [JSInvokable]
    public Task Brushed(double[][][] ranges)
    {
        _ranges = ranges ?? [];
        return Filtered.InvokeAsync(Kept());
    }

    protected override Plotly.Blazor.Layout CreateLayout() => new()
    {
        Height = 340,
        Margin = new Margin { L = 70, R = 50, T = 50, B = 20 },
    };

    protected override void BuildTraces(List<ITrace> traces)
    {
        var scored = Scored();
        if (scored.Count == 0)
        {
            return;
        }
        var dimensions = Dimensions.Select((d, i) => Axis(d.Kind == DimensionKind.Continuous && d.Log ? $"log10 {d.Name}" : d.Name,
            scored.Select(t => Coordinate(d, t.Values[d.Name])), i, d)).ToList();
        dimensions.Add(Axis(Objective.Label(), scored.Select(t => t.Objective!.Value), Dimensions.Count, null));
        traces.Add(new ParCoords
        {
            Dimensions = dimensions,
            Line = new Line
            {
                ColorArray = [.. scored.Select(t => (object)t.Objective!.Value)],
                ColorScale = "Viridis",
                ReverseScale = !Objective.Maximises(),
                ShowScale = true,
            },
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_watching || !IsPlotReady || Scored().Count == 0)
        {
            return;
        }
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Module);
        _self ??= DotNetObjectReference.Create(this);
        _watching = await _module.InvokeAsync<bool>("watchBrushing", Id, _self);
    }

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: nothing to release in the browser.
            }
        }
    }

    private List<TrialRecord> Scored() =>
        [.. Trials.Where(t => t.Objective is not null && Dimensions.All(d => t.Values.ContainsKey(d.Name)))];

    private static double Coordinate(SearchDimension dimension, double value) =>
        dimension.Kind == DimensionKind.Continuous && dimension.Log ? Math.Log10(value) : value;

    /// <summary>One axis; a categorical one is labelled with its choices; a brushed range is kept across redraws.</summary>
    private Dimension Axis(string label, IEnumerable<double> values, int index, SearchDimension? dimension)
    {
        var axis = new Dimension { Label = label, Values = [.. values.Select(v => (object)v)] };
        if (dimension is { Kind: DimensionKind.Categorical })
        {
            axis.TickVals = [.. Enumerable.Range(0, dimension.Choices.Count).Select(i => (object)i)];
            axis.TickText = [.. dimension.Choices.Cast<object>()];
        }
        if (index < _ranges.Length && _ranges[index].Length > 0)
        {
            axis.ConstraintRange = _ranges[index].Length == 1
                ? [.. _ranges[index][0].Cast<object>()]
                : [.. _ranges[index].Select(r => (object)r)];
        }
        return axis;
    }

    private HashSet<int> Kept()
    {
        var kept = new HashSet<int>();
        foreach (var trial in Scored())
        {
            var coordinates = Dimensions.Select(d => Coordinate(d, trial.Values[d.Name])).Append(trial.Objective!.Value).ToList();
            var inside = coordinates.Select((c, i) => i >= _ranges.Length || _ranges[i].Length == 0 || _ranges[i].Any(r => r.Length == 2 && c >= r[0] && c <= r[1]));
            if (inside.All(x => x))
            {
                kept.Add(trial.Number);
            }
        }
        return kept;
    }
}
