using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Playground;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Experiments;

public sealed partial class StoredPlaygroundView
{
    private PlaygroundSettings _settings = new();
    private ExperimentDefinition? _shown;
    private IReadOnlyList<ITrace>? _points;
    private (double Min, double Max)? _plane;
    private int _outputs = 1;
    private bool _featuresPainted;
    private BoundaryFrame? _painted;
    private PlaygroundCanvas? _canvas;

    private const string ChartId = "experiment-boundary";

    [Parameter, EditorRequired]
    public ExperimentDefinition Definition { get; set; } = default!;

    /// <summary>The latest boundary frame of the run (null before its first).</summary>
    [Parameter]
    public BoundaryFrame? Frame { get; set; }

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool IsRegression => _settings.Problem == ProblemKind.Regression;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Definition, _shown))
        {
            return;
        }
        _shown = Definition;
        _settings = PlaygroundDefinitions.ToSettings(Definition);
        try
        {
            // The same seed draws the same points the run trained on.
            var split = Catalog.Load(Definition.RequiredData, Definition.Seed, CancellationToken.None);
            _points = split.Plane is null ? null : PlaygroundPoints.Traces(split.Plane, _settings.Problem, showTest: false);
            _plane = split.Plane is null ? null : (split.Plane.Min, split.Plane.Max);
            _outputs = _settings.Problem == ProblemKind.Classification && split.ClassNames.Count > 2 ? split.ClassNames.Count : 1;
        }
        catch (ArgumentException)
        {
            // An uploaded data set lives in memory for a while only: the boundary is still worth showing without its points.
            (_points, _plane) = (null, null);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        if (!_featuresPainted && _plane is { } plane)
        {
            // Lean live frames carry only the network's numbers: the browser draws the map and the neurons, as on the Playground.
            _featuresPainted = true;
            var canvas = new PlaygroundCanvas(JS);
            await NetworkPainter.PaintFeaturesAsync(JS, plane.Min, plane.Max, CancellationToken.None);
            await canvas.ConfigureAsync(BrowserNetwork.Of(ChartId, _settings, _outputs, plane));
            _canvas = canvas; // only now: a render that interleaves must not send frames before the network is known
        }
        if (Frame is { } frame && !ReferenceEquals(frame, _painted) && (_canvas is not null || _plane is null))
        {
            _painted = frame;
            if (_canvas is not null)
            {
                await _canvas.PaintAsync(frame);
            }
            else
            {
                await NetworkPainter.PaintAsync(JS, frame, _settings.Problem, CancellationToken.None);
            }
            StateHasChanged();
        }
    }
}
