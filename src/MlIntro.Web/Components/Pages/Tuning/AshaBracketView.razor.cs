using Microsoft.AspNetCore.Components;
using MlIntro.Core.Tuning;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>The bracket as a table and a chart: every trial's value at every rung it reached, stopped ones in grey.</summary>
public sealed partial class AshaBracketView
{
    [Parameter, EditorRequired]
    public IReadOnlyList<TrialRecord> Trials { get; set; } = [];

    [Parameter, EditorRequired]
    public PruningSpec Pruning { get; set; } = default!;

    [Parameter, EditorRequired]
    public int Epochs { get; set; }

    /// <summary>The study state's version: a new one redraws the chart.</summary>
    [Parameter]
    public int Version { get; set; }

    [Parameter]
    public string IdPrefix { get; set; } = "study";

    private IReadOnlyList<BracketRung> Rungs { get; set; } = [];

    protected override void OnParametersSet() => Rungs = AshaBracket.Of(Trials, Pruning, Epochs);

    private static Plotly.Blazor.Layout BracketLayout() => StudyCharts.Layout("epoch (rung)", "value at the rung", logX: true);

    private void Draw(List<ITrace> traces)
    {
        var points = Rungs.SelectMany(r => r.Points.Select(p => (r.Epoch, p.Trial, p.Loss, p.WentOn))).Where(p => double.IsFinite(p.Loss)).ToList();
        traces.Add(Markers("went on", points.Where(p => p.WentOn).ToList(), "#1f77b4"));
        traces.Add(Markers("stopped here", points.Where(p => !p.WentOn).ToList(), "#b0b0b0"));
    }

    private static Scatter Markers(string name, List<(int Epoch, int Trial, double Loss, bool WentOn)> points, string colour) => new()
    {
        Name = name,
        Mode = ModeFlag.Markers,
        X = [.. points.Select(p => (object)p.Epoch)],
        Y = [.. points.Select(p => (object)p.Loss)],
        TextArray = [.. points.Select(p => $"trial {p.Trial}")],
        Marker = new Marker { Color = colour, Size = 8 },
    };
}
