using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Surfaces;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.Interop;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>
/// The surface as contour and 3D plot with one (initially empty) trail per racer. Trace order is the contract with
/// optimizers.js: contour 0, trails 1..n, markers n+1..2n, start point; 3D: surface 0, trails 1..n.
/// </summary>
public sealed partial class SurfaceCharts
{
    private const int Resolution = 80;
    private readonly Config _config = new() { Responsive = true, DisplayModeBar = DisplayModeBarEnum.False };
    private readonly List<ITrace> _contourData = [];
    private readonly List<ITrace> _surfaceData = [];
    private PlotlyChart? _contour;
    private PlotlyChart? _surface;
    private PlotlyLayout _contourLayout = default!;
    private PlotlyLayout _surfaceLayout = default!;
    private (ISurface?, string, double, double) _shown;
    private bool _subscribed;

    [Parameter, EditorRequired]
    public ISurface? Surface { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<string> Names { get; set; } = [];

    [Parameter]
    public SurfacePoint Start { get; set; }

    /// <summary>Raised with the clicked (x, y) on the contour.</summary>
    [Parameter]
    public EventCallback<SurfacePoint> StartPicked { get; set; }

    protected override void OnInitialized()
    {
        _contourLayout = new PlotlyLayout
        {
            Height = 460,
            Margin = new Margin { L = 40, R = 10, T = 30, B = 40 },
            Title = new Title { Text = "Contour (click to choose the start)" },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }],
            XAxis = [new XAxis { Range = [-1.5m, 1.5m] }],
            YAxis = [new YAxis { Range = [-1.5m, 1.5m], ScaleAnchor = "x" }],
        };
        _surfaceLayout = new PlotlyLayout { Height = 460, Margin = new Margin { L = 0, R = 0, T = 30, B = 0 }, Title = new Title { Text = "Surface (drag to rotate)" }, ShowLegend = false };
        Rebuild();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_contour is null || _shown == Key())
        {
            return;
        }
        Rebuild();
        await _contour.React();
        if (_surface is not null)
        {
            await _surface.React();
        }
    }

    private (ISurface?, string, double, double) Key() => (Surface, string.Join("|", Names), Start.X, Start.Y);

    private void Rebuild()
    {
        _shown = Key();
        _contourData.Clear();
        _surfaceData.Clear();
        if (Surface is null)
        {
            return;
        }
        var grid = SurfaceGrid.Sample(Surface, Resolution);
        var axis = Enumerable.Range(0, Resolution).Select(i => (object)grid.Coordinate(i)).ToList();
        var rows = Enumerable.Range(0, Resolution)
            .Select(r => (object)Enumerable.Range(0, Resolution).Select(c => (object?)Finite(grid.At(r, c))).ToArray()).ToList();
        _contourData.Add(new Contour { X = axis, Y = axis, Z = rows, NContours = 40, ShowScale = false, ColorScale = "Viridis", ShowLegend = false, Name = PlotlyText.Escape(Surface.Name) });
        _surfaceData.Add(new Plotly.Blazor.Traces.Surface { X = axis, Y = axis, Z = rows, ShowScale = false, ColorScale = "Viridis", Opacity = 0.85m });
        for (var i = 0; i < Names.Count; i++)
        {
            var line = new Line { Color = RaceColours.For(i), Width = 2 };
            var name = PlotlyText.Escape(Names[i]);
            _contourData.Add(new Scatter { Name = name, LegendGroup = name, Mode = ModeFlag.Lines, Line = line, X = new List<object>(), Y = new List<object>() });
            _surfaceData.Add(new Scatter3D
            {
                Name = name,
                Mode = Plotly.Blazor.Traces.Scatter3DLib.ModeFlag.Lines,
                Line = new Plotly.Blazor.Traces.Scatter3DLib.Line { Color = RaceColours.For(i), Width = 5 },
                X = new List<object>(),
                Y = new List<object>(),
                Z = new List<object>(),
            });
        }
        for (var i = 0; i < Names.Count; i++)
        {
            _contourData.Add(new Scatter
            {
                Name = PlotlyText.Escape(Names[i]), LegendGroup = PlotlyText.Escape(Names[i]), ShowLegend = false, Mode = ModeFlag.Markers,
                Marker = new Marker { Color = RaceColours.For(i), Size = 11, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "white", Width = 1 } },
                X = new List<object>(), Y = new List<object>(),
            });
        }
        _contourData.Add(new Scatter
        {
            Name = "start", Mode = ModeFlag.Markers, X = [Start.X], Y = [Start.Y],
            Marker = new Marker { Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.X, Size = 12, Color = "white" },
        });
    }

    /// <summary>NaN/Inf (a formula's undefined region) as a gap: JSON has no NaN.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Plotly's click events exist only once the plot is drawn: subscribe then, once.</summary>
    private async void SubscribeClicks()
    {
        if (!_subscribed && _contour is not null)
        {
            _subscribed = true;
            await _contour.SubscribeClickEvent();
        }
    }

    private async void PickStart(IEnumerable<EventDataPoint> points)
    {
        var point = points.FirstOrDefault();
        if (point is null || ToDouble(point.X) is not { } x || ToDouble(point.Y) is not { } y)
        {
            return;
        }
        await InvokeAsync(() => StartPicked.InvokeAsync(new SurfacePoint(Math.Round(x, 2), Math.Round(y, 2))));
    }

    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ when double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
