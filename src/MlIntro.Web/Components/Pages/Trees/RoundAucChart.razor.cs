using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace MlIntro.Web.Components.Pages.Trees;

/// <summary>AUC of the first k trees on the training and the held-out events, per round.</summary>
public sealed partial class RoundAucChart() : PlotlyWidget("round-auc")
{
    private static readonly LineStyle Train = new("#1f77b4", 2);
    private static readonly LineStyle HeldOut = new("#ff7f0e", 2);

    [Parameter]
    public TreesFrame? Frame { get; set; }

    protected override object? DrawnFrom => Frame;

    protected override PlotlyLayout CreateLayout()
    {
        var layout = ChartLayouts.Epochs("AUC per round", 280);
        layout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "round (trees)" };
        return layout;
    }

    protected override void BuildTraces(List<ITrace> traces)
    {
        if (Frame is null)
        {
            return;
        }
        var rounds = Enumerable.Range(1, Frame.TrainAuc.Length).Select(r => (double)r).ToArray();
        traces.Add(ChartLines.Line("training events", Train, rounds, Frame.TrainAuc));
        traces.Add(ChartLines.Line($"{Frame.HeldOutSplit} events", HeldOut, rounds, Frame.HeldOutAuc));
    }
}
