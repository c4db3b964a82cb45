using Plotly.Blazor.LayoutLib;
using PlotlyLayout = Plotly.Blazor.Layout;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using YScale = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace MlIntro.Web.Components.Widgets;

/// <summary>How the widgets' charts are laid out, in one place (their traces say what is drawn).</summary>
public static class ChartLayouts
{
    /// <summary>Something per epoch: epochs along x, the legend in a row below.</summary>
    /// <param name="fraction">The y axis shows a fraction (an accuracy): fixed from 0 to 1.</param>
    public static PlotlyLayout Epochs(string title, int height, bool logY = false, bool fraction = false) => new()
    {
        Title = new Title { Text = title },
        Height = height,
        Margin = new Margin { L = 50, R = 10, T = 40, B = 40 },
        XAxis = [new XAxis { Title = new XTitle { Text = "epoch" } }],
        YAxis = [new YAxis { Type = logY ? YScale.Log : YScale.Linear, Range = fraction ? [0, 1] : null }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }],
    };

    /// <summary>A square map of the input plane, without legend.</summary>
    public static PlotlyLayout Square(int size) => new()
    {
        Width = size,
        Height = size,
        Margin = new Margin { L = 30, R = 10, T = 10, B = 30 },
        ShowLegend = false,
    };

    /// <summary>A loss surface seen from above.</summary>
    public static PlotlyLayout Surface() => new() { Height = 420, Margin = new Margin { L = 40, R = 10, T = 10, B = 40 } };

    /// <summary>Score distributions: the score from 0 to 1 along x, summed weights up the y axis.</summary>
    public static PlotlyLayout Scores(bool logY) => new()
    {
        Height = 300,
        Margin = new Margin { L = 55, R = 10, T = 10, B = 45 },
        XAxis = [new XAxis { Title = new XTitle { Text = "classifier score (probability of signal)" }, Range = [0, 1] }],
        YAxis = [new YAxis { Title = new YTitle { Text = "events (sum of weights)" }, Type = logY ? YScale.Log : YScale.Linear }],
        Legend = [new Legend { X = 0.35m, Y = 0.98m }],
    };

    /// <summary>
    /// ROC curves, textbook (false-positive rate against true-positive rate, both linear) or HEP style (signal
    /// efficiency along x, background efficiency on a log y axis from <paramref name="logFloor"/> to 1).
    /// </summary>
    public static PlotlyLayout Roc(bool hep, int height, double logFloor) => new()
    {
        Height = height,
        Margin = new Margin { L = 60, R = 10, T = 10, B = 45 },
        ShowLegend = true,
        // In rows above the plot area, never on the curves: Plotly grows the top margin to fit them, and on a phone the
        // rows wrap instead of taking width from the plot (as a legend to the right would).
        Legend =
        [
            new Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                X = 0m,
                XAnchor = Plotly.Blazor.LayoutLib.LegendLib.XAnchorEnum.Left,
                Y = 1.02m,
                YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
            },
        ],
        XAxis =
        [
            new XAxis
            {
                Title = new XTitle { Text = hep ? "signal efficiency ε_S" : "false-positive rate (background efficiency ε_B)" },
                Range = [0, 1],
            },
        ],
        YAxis =
        [
            hep
                ? new YAxis { Title = new YTitle { Text = "background efficiency ε_B" }, Type = YScale.Log, Range = [Math.Log10(logFloor), 0] }
                : new YAxis { Title = new YTitle { Text = "true-positive rate (signal efficiency ε_S)" }, Type = YScale.Linear, Range = [0, 1.02] },
        ],
    };

    /// <summary>
    /// Copies the fields these layouts set from <paramref name="source"/> into <paramref name="target"/>: a chart
    /// keeps the layout object it was given and React() reads it from there, so a new layout is poured into the old.
    /// </summary>
    public static void Pour(PlotlyLayout source, PlotlyLayout target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        (target.Title, target.Width, target.Height, target.Margin, target.ShowLegend) =
            (source.Title, source.Width, source.Height, source.Margin, source.ShowLegend);
        (target.Legend, target.XAxis, target.YAxis) = (source.Legend, source.XAxis, source.YAxis);
    }
}
