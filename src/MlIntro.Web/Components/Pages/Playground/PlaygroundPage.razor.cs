using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// TensorFlow Playground on the server: the page owns one run at a time, started on Play, paused and stepped through
/// the training service, and reset whenever a setting changes (as TensorFlow Playground does).
/// </summary>
public sealed partial class PlaygroundPage
{
    private readonly List<EpochMetrics> _history = [];
    private PlaygroundSettings _settings = new();
    private PlaygroundCanvas _canvas = default!;
    private EpochMetrics? _last;
    private BoundaryFrame? _boundary;
    private BoundaryFrame? _unpainted;
    private bool _networkDirty = true;
    private bool _discrete;
    private bool _showUntrained = true;
    private DotNetObjectReference<PlaygroundPage>? _self;
    private PlaygroundData _data = new("", null, 1, null);
    private bool _showTest;
    private string? _error;
    private LossChart? _lossChart;
    private PlaygroundStats? _stats;
    private object? _rendered;
    private bool _diverged;
    private bool _featuresDirty = true;

    /// <summary>Beyond TensorFlow Playground's 8, up to the server's limit, but no taller than the picture can show.</summary>
    private int MaxNeurons => Math.Min(Limits.MaxNeuronsPerLayer, 16);

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _canvas = new PlaygroundCanvas(JS);
        var fork = Forks.Read(Lesson.Playground).Definition;
        _settings = fork is null ? PlaygroundUrl.Parse(new Uri(Navigation.Uri).Query) : PlaygroundDefinitions.ToSettings(fork);
        AddressAfterFork = fork is null ? null : "/playground?" + PlaygroundUrl.Serialize(_settings);
        LoadPoints();
    }

    private void LoadPoints()
    {
        try
        {
            _data = PlaygroundData.Load(Catalog, _settings, _showTest);
            (_featuresDirty, _networkDirty, _error) = (true, true, null);
        }
        catch (ArgumentException ex)
        {
            (_data, _error) = (_data with { Points = null }, ex.Message);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (!IsInteractive)
        {
            return;
        }
        if (_featuresDirty && _data.FeatureImages is { } images)
        {
            _featuresDirty = false;
            await _canvas.PaintFeaturesAsync(images);
        }
        if (_networkDirty && _data.Plane is { } plane)
        {
            _networkDirty = false;
            _self ??= DotNetObjectReference.Create(this);
            await _canvas.ConfigureAsync(BrowserNetwork.Of(ChartId, _settings, _data.Outputs, plane), _self);
            if (_boundary is { } frame)
            {
                await _canvas.PaintAsync(frame);
            }
        }
        if (_showUntrained && Run.Id is null && _error is null && _data.Points is not null)
        {
            // TensorFlow Playground shows the untrained network at once: a run held before its first epoch sends it.
            // Tried once per network (a refused start must not be retried on every render).
            _showUntrained = false;
            await Run.StartAsync(Definition(), paused: true);
        }
    }

    private const string ChartId = "playground-boundary";

    private ExperimentDefinition Definition() => _settings.ToDefinition(Limits.MaxEpochs);

    /// <summary>
    /// A weight clicked and typed in the network picture (link <paramref name="index"/> in the links' order): the run
    /// pauses, takes the weight, and plays on if it was playing, so training continues from the edited value.
    /// </summary>
    [JSInvokable]
    public Task EditWeight(int index, double value) => InvokeAsync(async () =>
    {
        if (WeightIndex.Find([_settings.FeatureList.Count, .. _settings.HiddenLayers, _data.Outputs], index, value) is not { } edit
            || !edit.IsValid)
        {
            _error = $"A weight must be a number from {-WeightEdit.MaxMagnitude:0} to {WeightEdit.MaxMagnitude:0}.";
            StateHasChanged();
            return;
        }
        var playing = Run.IsPlaying;
        await Run.PauseAsync();
        _error = await Run.SetWeightAsync(edit) ? null : "Press Play or Step first: there is no live network to edit.";
        if (playing)
        {
            await Run.ResumeAsync();
        }
        StateHasChanged();
    });

    protected override ValueTask ReleaseAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task DiscretizeAsync(bool on)
    {
        _discrete = on;
        await _canvas.InvokeAsync("discretize", on);
    }

    private async Task PlayPauseAsync()
    {
        if (Run.Id is null || !Run.IsActive)
        {
            await Run.StartAsync(Definition());
        }
        else if (Run.IsPlaying)
        {
            await Run.PauseAsync();
        }
        else
        {
            await Run.ResumeAsync();
        }
    }

    private async Task StepAsync()
    {
        if (Run.Id is null || !Run.IsActive)
        {
            await Run.StartAsync(Definition(), paused: true);
        }
        await Run.StepAsync();
    }

    protected override void Apply(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _last = e.Metrics;
                _history.Add(e.Metrics);
                _lossChart?.Append(e.Metrics);
                break;
            case TrainingEventKind.Boundary when e.Boundary is not null:
                (_boundary, _unpainted) = (e.Boundary, e.Boundary);
                break;
            case TrainingEventKind.Status when e.IsTerminal:
                _diverged = e.Status == ExperimentStatus.Diverged;
                _error = e.Status == ExperimentStatus.Finished ? e.Message ?? _error : _error; // early stopping says why
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// What the page shows besides the per-epoch numbers: the page re-renders when it changes, the numbers alone go to
    /// <see cref="PlaygroundStats"/> (a whole-page render diff per update was most of a training tab's traffic).
    /// </summary>
    private object PageState => (Run.Status, Run.IsPlaying, Run.Error, Run.Id, _error, _diverged, _boundary?.Weights is null, _history.Count == 0);

    protected override async Task AfterEventsAsync()
    {
        var changed = !Equals(PageState, _rendered);
        if (changed)
        {
            _rendered = PageState;
            StateHasChanged();
        }
        // Paused, stepped or ended: the numbers must be the last ones, not the last shown.
        _stats?.Show(Run.Epoch, _last, force: changed || !Run.IsPlaying);
        if (_unpainted is { } frame)
        {
            _unpainted = null;
            await _canvas.PaintAsync(frame);
        }
    }

    private async Task ResetAsync()
    {
        await Run.StopAsync();
        (_last, _boundary, _unpainted, _diverged, _showUntrained) = (null, null, null, false, true);
        _history.Clear();
        _stats?.Show(0, null, force: true);
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
}
