using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Core.Surfaces.Formulas;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>
/// The slide's optimizer race, live. Play runs the whole race once through the training service (so it is stored
/// and has an /e/{id} link; it takes a fraction of a second), hands the trajectories to the page's JS module in one
/// call, and from then on play, pause, step, speed and reset only drive the client-side animation.
/// </summary>
public sealed partial class OptimizersPage
{
    private static readonly int[] Speeds = [1, 2, 5, 10, 25];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly List<TrajectoryChunk> _chunks = [];
    private RaceSettings _settings = RaceSettings.Slide;
    private ISurface? _surface;
    private string? _surfaceError;
    private bool _loaded;
    private string? _afterLoad;
    private int _speed = 5;
    private string? _message;
    private string? _shareUrl;
    private bool _failed;
    private IJSObjectReference? _module;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Calls the page's animation module (OptimizersPage.razor.js), importing it on first use.</summary>
    private async Task CallAsync(string function, params object?[] args)
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Optimizers/OptimizersPage.razor.js");
        await _module.InvokeVoidAsync(function, args);
    }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        var fork = Forks.Read(Lesson.Optimizers).Definition is { Surface: not null } race ? RaceDefinitions.SurfaceRace(race) : null;
        _settings = RaceUrl.Parse(fork is null ? new Uri(Navigation.Uri).Query : RaceUrl.Serialize(fork));
        AddressAfterFork = fork is null ? null : "/optimizers?" + RaceUrl.Serialize(_settings);
        ResolveSurface();
    }

    private void ResolveSurface()
    {
        try
        {
            (_surface, _surfaceError) = (ExperimentValidator.ResolveSurface(_settings.ToSurfaceSpec()), null);
        }
        catch (FormulaException ex)
        {
            (_surface, _surfaceError) = (null, "Formula: " + ex.Message);
        }
        catch (ArgumentException ex)
        {
            (_surface, _surfaceError) = (null, ex.Message);
        }
    }

    private Task PlayAsync() => _loaded ? CallAsync("play", _speed) : RunRaceAsync("play");

    private Task StepAsync() => _loaded ? CallAsync("step") : RunRaceAsync("step");

    private async Task SpeedAsync(ChangeEventArgs e)
    {
        _speed = int.TryParse(e.Value?.ToString(), NumberStyles.Integer, Inv, out var v) && Speeds.Contains(v) ? v : _speed;
        await CallAsync("speed", _speed);
    }

    private Task StepsAsync(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), NumberStyles.Integer, Inv, out var v)
            ? ChangeSettingsAsync(_settings with { Steps = Math.Clamp(v, 1, ExperimentValidator.MaxSurfaceSteps) })
            : Task.CompletedTask;

    private Task PickStartAsync(SurfacePoint point) => ChangeSettingsAsync(_settings with { StartX = point.X, StartY = point.Y });

    /// <summary>Runs the race through the service; when it ends (well under a second) it is handed to the animation.</summary>
    private async Task RunRaceAsync(string then)
    {
        if (_surface is null)
        {
            return;
        }
        (_afterLoad, _message, _failed) = (then, null, false);
        _chunks.Clear();
        await Run.StartAsync(_settings.ToDefinition());
    }

    protected override void Apply(TrainingEvent e)
    {
        if (e.Trajectory is not null)
        {
            _chunks.Add(e.Trajectory);
        }
        else if (e.IsTerminal)
        {
            (_message, _failed) = (e.Message, e.Status is not ExperimentStatus.Finished);
        }
    }

    protected override async Task AfterEventsAsync()
    {
        if (Run.Status == ExperimentStatus.Finished && !_loaded && _chunks.Count > 0 && _surface is not null)
        {
            await CallAsync("load", RacePlayback.From(_chunks, _surface, _settings.Steps));
            _loaded = true;
            if (_afterLoad is { } then)
            {
                await (then == "play" ? CallAsync("play", _speed) : CallAsync("step"));
            }
        }
        StateHasChanged();
    }

    private async Task ChangeSettingsAsync(RaceSettings settings)
    {
        (_settings, _shareUrl) = (settings, null);
        ResolveSurface();
        await Run.StopAsync();
        (_loaded, _afterLoad, _message, _failed) = (false, null, null, false);
        await CallAsync("clear");
        Navigation.NavigateTo("/optimizers?" + RaceUrl.Serialize(settings), new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private void Share() => _shareUrl = Navigation.BaseUri + "optimizers?" + RaceUrl.Serialize(_settings);

    protected override async ValueTask ReleaseAsync()
    {
        if (!IsInteractive || _module is null)
        {
            return; // prerendering, or nothing was drawn
        }
        try
        {
            await _module.InvokeVoidAsync("clear");
            await _module.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException)
        {
            // the circuit or the page is gone: nothing left to stop
        }
    }
}
