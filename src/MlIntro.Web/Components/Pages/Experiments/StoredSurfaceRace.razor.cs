using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Web.Components.Pages.Optimizers;

namespace MlIntro.Web.Components.Pages.Experiments;

public sealed partial class StoredSurfaceRace
{
    private const string RaceModule = "./Components/Pages/Optimizers/OptimizersPage.razor.js";
    private const string ChartsModule = "./Components/Pages/Experiments/StoredSurfaceRace.razor.js";
    private IJSObjectReference? _race;
    private IJSObjectReference? _charts;
    private bool _loaded;

    [Parameter, EditorRequired]
    public ISurface Surface { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<string> Names { get; set; } = [];

    [Parameter]
    public SurfacePoint Start { get; set; }

    [Parameter]
    public int Steps { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>
    /// Hands the whole race to the animation and shows its last step. A stored run replays at once, often before
    /// Plotly has drawn the empty charts, so this waits for them first (the animation skips charts not drawn yet).
    /// </summary>
    public async Task ShowAsync(IReadOnlyList<TrajectoryChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count == 0)
        {
            return;
        }
        var playback = RacePlayback.From(chunks, Surface, Steps);
        var ids = playback.Charts;
        string[] charts = Surface.GlobalMinimum is null ? [ids.Contour, ids.Surface, ids.Loss] : [ids.Contour, ids.Surface, ids.Loss, ids.Distance];
        _charts ??= await JS.InvokeAsync<IJSObjectReference>("import", cancellationToken, ChartsModule);
        if (!await _charts.InvokeAsync<bool>("whenDrawn", cancellationToken, charts, 30_000))
        {
            return;
        }
        _race ??= await JS.InvokeAsync<IJSObjectReference>("import", cancellationToken, RaceModule);
        await _race.InvokeVoidAsync("load", cancellationToken, playback);
        // One frame of all the steps: the race at its end.
        await _race.InvokeVoidAsync("play", cancellationToken, Math.Max(1, playback.Steps));
        _loaded = true;
        StateHasChanged();
    }

    /// <summary>About five seconds from start to end, whatever the number of steps.</summary>
    private async Task ReplayAsync()
    {
        if (_race is not null)
        {
            await _race.InvokeVoidAsync("play", Math.Max(1, Steps / 150));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_race is not null)
            {
                await _race.InvokeVoidAsync("clear");
                await _race.DisposeAsync();
            }
            if (_charts is not null)
            {
                await _charts.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException)
        {
            // the circuit or the page is gone: nothing left to stop
        }
    }
}
