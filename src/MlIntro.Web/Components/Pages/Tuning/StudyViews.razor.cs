using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MudBlazor;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>The HParams/Optuna set of views of one study, fed by <see cref="StudyState"/>.</summary>
public sealed partial class StudyViews
{
    private readonly SortedSet<int> _selected = [];
    private IReadOnlySet<int>? _brushed;
    private string? _against;

    [Parameter, EditorRequired]
    public ExperimentDefinition Definition { get; set; } = default!;

    [Parameter, EditorRequired]
    public StudyState State { get; set; } = default!;

    /// <summary>Whether the study is still training (the ETA is shown only then).</summary>
    [Parameter]
    public bool Running { get; set; }

    /// <summary>Prefix of the charts' element ids.</summary>
    [Parameter]
    public string IdPrefix { get; set; } = "study";

    private StudySpec Study => Definition.Study!;

    private StudyObjective Objective => Study.Objective;

    private IReadOnlyList<SearchDimension> Dimensions { get; set; } = [];

    private SearchDimension? AgainstDimension => Dimensions.FirstOrDefault(d => d.Name == _against);

    private List<TrialRecord> Shown => _brushed is null ? [.. State.Trials] : [.. State.Trials.Where(t => _brushed.Contains(t.Number))];

    private IEnumerable<TrialRecord> CurveTrials => _selected.Count > 0
        ? State.Trials.Where(t => _selected.Contains(t.Number))
        : State.Trials.Where(t => t.Objective is not null && t.State == TrialState.Complete)
            .OrderBy(t => Objective.Maximises() ? -t.Objective!.Value : t.Objective!.Value).Take(3);

    protected override void OnParametersSet()
    {
        Dimensions = SearchDimensions.Of(Study.Space);
        _against ??= Dimensions.Count > 0 ? Dimensions[0].Name : null;
    }

    private void Filter(IReadOnlySet<int> kept) => _brushed = kept.Count == State.Trials.Count(t => t.Objective is not null) ? null : kept;

    private void Toggle(TableRowClickEventArgs<TrialRecord> row)
    {
        if (row.Item is { } trial && !_selected.Remove(trial.Number))
        {
            _selected.Add(trial.Number);
        }
    }

    private string RowClass(TrialRecord trial, int index) => _selected.Contains(trial.Number) ? "mud-theme-primary" : "";

    private Plotly.Blazor.Layout HistoryLayout() => StudyCharts.Layout("trial", Objective.Label());

    private static Plotly.Blazor.Layout ImportanceLayout() => StudyCharts.Layout("share of the objective's variance", "");

    private void DrawImportance(List<Plotly.Blazor.ITrace> traces)
    {
        var importance = ParameterImportance.Of(Dimensions, [.. State.Trials
            .Where(t => t.State == TrialState.Complete && t.Objective is not null)
            .Select(t => (t.Values, t.Objective!.Value))]);
        traces.Add(new Plotly.Blazor.Traces.Bar
        {
            Name = "importance",
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            X = [.. importance.Select(i => (object)i.Share)],
            Y = [.. importance.Select(i => (object)i.Parameter)],
        });
    }

    private static Plotly.Blazor.Layout CurvesLayout() => StudyCharts.Layout("epoch", "held-out loss");

    private static string Seconds(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s") : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min");
}
