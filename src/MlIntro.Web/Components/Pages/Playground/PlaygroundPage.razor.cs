using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;
using MlIntro.Web.Hosting;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// TensorFlow Playground on the server: the page owns one run at a time, started on Play, paused and stepped through
/// the training service, and reset whenever a setting changes (as TensorFlow Playground does).
/// </summary>
public sealed partial class PlaygroundPage
{
    private readonly string _owner = "playground:" + Guid.NewGuid().ToString("N");
    private PlaygroundSettings _settings = new();
    private CancellationTokenSource? _following;
    private string? _runId;
    private bool _playing;
    private int _epoch;
    private EpochMetrics? _last;
    private BoundaryFrame? _boundary;
    private IReadOnlyList<ITrace>? _points;
    private bool _showTest;
    private string _dataLabel = "";
    private string? _error;
    private LossChart? _lossChart;
    private readonly Lock _historyGate = new();
    private readonly List<EpochMetrics> _history = [];
    private RenderThrottle? _renders;
    private BoundaryFrame? _framePending;
    private int _painting;
    private int _outputs = 1;
    private string? _saved;
    private bool _diverged;
    private IReadOnlyList<float[]>? _featureImages;
    private bool _featuresDirty = true;

    /// <summary>Beyond TensorFlow Playground's 8, up to the server's limit, but no taller than the picture can show.</summary>
    private int MaxNeurons => Math.Min(Limits.MaxNeuronsPerLayer, 16);

    [Inject]
    private TrainingService Training { get; set; } = default!;

    [Inject]
    private CircuitRunPauser Pauser { get; set; } = default!;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";

    /// <summary>The full value, for tests and scripts: three decimals hide progress once the loss is small.</summary>
    private static string? Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    protected override void OnInitialized()
    {
        _renders = new RenderThrottle(() => InvokeAsync(RenderAsync), TimeSpan.FromMilliseconds(50));
        Pauser.Track(_owner);
        _settings = PlaygroundUrl.Parse(new Uri(Navigation.Uri).Query);
        LoadPoints();
    }

    private void LoadPoints()
    {
        try
        {
            var split = Catalog.Load(_settings.ToDefinition(1).RequiredData, _settings.Seed, CancellationToken.None);
            _dataLabel = split.Description;
            _points = split.Plane is null ? null : PlaygroundPoints.Traces(split.Plane, _settings.Problem, _showTest);
            _outputs = _settings.Problem == ProblemKind.Classification && split.ClassNames.Count > 2 ? split.ClassNames.Count : 1;
            _featureImages = split.Plane is null ? null : FeatureImages.Of(split.Plane.Min, split.Plane.Max);
            _featuresDirty = true;
            _error = null;
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message;
            _points = null;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_featuresDirty && _featureImages is not null && IsInteractive)
        {
            _featuresDirty = false;
            await JS.InvokeVoidAsync("mlintro.paintNeurons", "feature-", _featureImages, FeatureImages.Resolution);
        }
    }

    private async Task PlayPauseAsync()
    {
        if (_runId is null)
        {
            await StartAsync(paused: false);
        }
        else if (_playing)
        {
            Training.Pause(_runId, _owner);
            _playing = false;
        }
        else
        {
            _playing = Training.Resume(_runId, _owner);
        }
    }

    private async Task StepAsync()
    {
        if (_runId is null)
        {
            await StartAsync(paused: true);
        }
        if (_runId is not null)
        {
            Training.Pause(_runId, _owner);
            Training.Step(_runId, _owner);
            _playing = false;
        }
    }

    private async Task StartAsync(bool paused)
    {
        try
        {
            var id = await Training.StartAsync(_settings.ToDefinition(Limits.MaxEpochs), _owner, CancellationToken.None);
            if (paused)
            {
                Training.Pause(id, _owner);
            }
            _runId = id;
            _playing = !paused;
            _error = null;
            _following = new CancellationTokenSource();
            _ = FollowAsync(id, _following.Token);
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            _error = ex.Message;
        }
    }

    /// <summary>
    /// Takes the run's events off the circuit: a fast run sends hundreds of epochs a second, and one InvokeAsync each
    /// would queue ahead of the user's clicks (Pause came late) and of the circuit's shutdown. State is updated here;
    /// the circuit renders and paints at most every 50 ms.
    /// </summary>
    private async Task FollowAsync(string id, CancellationToken token)
    {
        try
        {
            await foreach (var e in Training.WatchAsync(id, token))
            {
                Absorb(e);
                _ = _renders!.RequestAsync(immediately: e.IsTerminal);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // reset or page closed
        }
    }

    private void Absorb(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _epoch = e.Metrics.Epoch;
                _last = e.Metrics;
                lock (_historyGate)
                {
                    _history.Add(e.Metrics);
                }
                _lossChart?.Append(e.Metrics);
                break;
            case TrainingEventKind.Boundary when e.Boundary is not null:
                _boundary = e.Boundary;
                _framePending = e.Boundary;
                break;
            case TrainingEventKind.Status when e.IsTerminal:
                _playing = false;
                _diverged = e.Status == ExperimentStatus.Diverged;
                if (e.Status != ExperimentStatus.Cancelled && e.Message is not null)
                {
                    _error = e.Message;
                }
                break;
            default:
                break;
        }
    }

    /// <summary>Draws the page and the newest frame; a frame is painted by one interop call at a time, never queued.</summary>
    private async Task RenderAsync()
    {
        StateHasChanged();
        if (Interlocked.Exchange(ref _framePending, null) is { } frame && Interlocked.CompareExchange(ref _painting, 1, 0) == 0)
        {
            try
            {
                await PaintNetworkAsync(frame);
            }
            finally
            {
                Volatile.Write(ref _painting, 0);
            }
        }
    }

    private async Task ResetAsync()
    {
        if (_runId is not null)
        {
            Training.Cancel(_runId, _owner);
        }
        if (_following is not null)
        {
            await _following.CancelAsync();
            _following.Dispose();
            _following = null;
        }
        (_runId, _playing, _epoch, _last, _boundary, _saved, _diverged) = (null, false, 0, null, null, null, false);
        lock (_historyGate)
        {
            _history.Clear();
        }
        if (_lossChart is not null)
        {
            await _lossChart.ClearAsync();
        }
    }

    private async Task ChangeSettingsAsync(PlaygroundSettings settings)
    {
        await ResetAsync();
        _settings = settings;
        LoadPoints();
        Navigation.NavigateTo("/playground?" + PlaygroundUrl.Serialize(settings), new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private void ToggleTestPoints(bool show)
    {
        _showTest = show;
        LoadPoints();
    }

    private List<EpochMetrics> HistorySnapshot()
    {
        lock (_historyGate)
        {
            return [.. _history];
        }
    }

    private bool HasHistory
    {
        get
        {
            lock (_historyGate)
            {
                return _history.Count > 0;
            }
        }
    }

    /// <summary>Neuron and output thumbnails and the weight links, in one interop call per frame.</summary>
    private async Task PaintNetworkAsync(BoundaryFrame frame)
    {
        var (low, high) = _settings.Problem == ProblemKind.Regression ? (-1.0, 1.0) : (0.0, 1.0);
        try
        {
            await JS.InvokeVoidAsync("mlintro.paintNetwork", new
            {
                neurons = frame.Neurons,
                neuronResolution = frame.NeuronResolution,
                output = frame.Output,
                resolution = frame.Resolution,
                low,
                high,
                weights = frame.Weights,
            });
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The page is closing or reloading; the next frame paints again.
        }
    }

    /// <summary>
    /// Every run is stored as it trains; saving pauses it (so the link shows this state) and copies its /e/{id} link.
    /// </summary>
    private async Task SaveAsync()
    {
        if (_runId is null)
        {
            return;
        }
        if (_playing)
        {
            Training.Pause(_runId, _owner);
            _playing = false;
        }
        var url = Navigation.BaseUri + "e/" + _runId;
        var copied = await JS.InvokeAsync<bool>("mlintro.copyText", url);
        _saved = $"Saved at epoch {_epoch:N0}: {url}" + (copied ? " (link copied)" : "") + ". It replays the curves and the last boundary.";
    }

    private async Task DownloadLossesAsync() =>
        await JS.InvokeVoidAsync("mlintro.download", "playground-loss.csv", PlaygroundCsv.Losses(HistorySnapshot()), "text/csv");

    private async Task DownloadWeightsAsync()
    {
        if (_boundary?.Weights is { } weights)
        {
            var csv = PlaygroundCsv.Weights(weights, _boundary.Biases, _settings.FeatureList, _settings.HiddenLayers);
            await JS.InvokeVoidAsync("mlintro.download", $"playground-weights-epoch{_boundary.Epoch}.csv", csv, "text/csv");
        }
    }

    private async Task ShareAsync()
    {
        var url = Navigation.BaseUri + "playground?" + PlaygroundUrl.Serialize(_settings);
        await JS.InvokeAsync<bool>("mlintro.copyText", url);
    }

    public async ValueTask DisposeAsync()
    {
        Training.CancelAllOf(_owner);
        if (_following is not null)
        {
            await _following.CancelAsync();
            _following.Dispose();
        }
    }
}
