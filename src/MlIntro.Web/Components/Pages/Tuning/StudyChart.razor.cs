using Microsoft.AspNetCore.Components;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>One chart of the study views (history, objective against a parameter, learning curves): <see cref="StudyCharts"/> draws it.</summary>
public sealed partial class StudyChart() : PlotlyWidget("study-chart")
{
    [Parameter, EditorRequired]
    public Func<Plotly.Blazor.Layout> Layout { get; set; } = default!;

    [Parameter, EditorRequired]
    public Action<List<ITrace>> Draw { get; set; } = default!;

    /// <summary>What the chart is drawn from (a tuple): a new key redraws it.</summary>
    [Parameter]
    public object? Key { get; set; }

    protected override object? DrawnFrom => Key;

    protected override Plotly.Blazor.Layout CreateLayout() => Layout();

    protected override void BuildTraces(List<ITrace> traces) => Draw(traces);
}
