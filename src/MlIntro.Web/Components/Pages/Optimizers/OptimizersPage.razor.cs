using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Core.Surfaces.Formulas;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>
/// The slide's optimizer race, live. Play runs the whole race once through the training service (so it is stored
/// and has an /e/{id} link; it takes a fraction of a second), hands the trajectories to optimizers.js in one call,
/// and from then on play, pause, step, speed and reset only drive the client-side animation.
/// </summary>
public sealed partial class OptimizersPage
{
    private static readonly int[] Speeds = [1, 2, 5, 10, 25];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _owner = "optimizers:" + Guid.NewGuid().ToString("N");
    private RaceSettings _settings = RaceSettings.Slide;
    private ISurface? _surface;
    private string? _surfaceError;
    private string? _runId;
    private bool _loaded;
    private int _speed = 5;
    private string? _message;
    private bool _failed;

    [Inject]
    private TrainingService Training { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private IJSObjectReference? _module;

    private bool IsInteractive => RendererInfo.IsInteractive;

    /// <summary>Calls the page's animation module (OptimizersPage.razor.js), importing it on first use.</summary>
    private async Task CallAsync(string function, params object?[] args)
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Optimizers/OptimizersPage.razor.js");
        await _module.InvokeVoidAsync(function, args);
    }

    protected override void OnInitialized()
    {
        var query = new Uri(Navigation.Uri).Query;
        var forked = DefinitionLink.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue(DefinitionLink.QueryKey, out var d) ? d.ToString() : null);
        _settings = forked is { Surface: not null } ? RaceUrl.Parse(RaceUrl.Serialize(FromDefinition(forked))) : RaceUrl.Parse(query);
        ResolveSurface();
    }

    /// <summary>A stored race (fork from /e/{id}) back into page settings.</summary>
    private static RaceSettings FromDefinition(ExperimentDefinition definition)
    {
        var s = definition.Surface!;
        var racers = (definition.Race ?? []).Select(r => new RacerSettings(r.Optimizer.Kind, r.Optimizer.LearningRate,
            new Dictionary<string, double>(MlIntro.Training.Optimizers.OptimizerPresets.DefaultsFor(r.Optimizer.Kind).Concat(r.Optimizer.Parameters ?? new Dictionary<string, double>())
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), StringComparer.Ordinal))).ToList();
        return new RaceSettings(s.Formula is null ? s.Name ?? "" : RaceSettings.FormulaSurface, s.Formula, s.StartX, s.StartY, s.Steps, racers);
    }

    private void ResolveSurface()
    {
        try
        {
            _surface = ExperimentValidator.ResolveSurface(_settings.ToSurfaceSpec());
            _surfaceError = null;
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

    private async Task PlayAsync()
    {
        if (_loaded || await RunRaceAsync())
        {
            await CallAsync("play", _speed);
        }
    }

    private async Task PauseAsync() => await CallAsync("pause");

    private async Task StepAsync()
    {
        if (_loaded || await RunRaceAsync())
        {
            await CallAsync("step");
        }
    }

    private async Task ResetAsync() => await CallAsync("reset");

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

    /// <summary>Runs the race through the service, waits for its end (well under a second) and hands it to the animation.</summary>
    private async Task<bool> RunRaceAsync()
    {
        if (_surface is null)
        {
            return false;
        }
        try
        {
            var id = await Training.StartAsync(_settings.ToDefinition(), _owner, CancellationToken.None);
            _runId = id;
            var chunks = new List<TrajectoryChunk>();
            TrainingEvent? end = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await foreach (var e in Training.WatchAsync(id, timeout.Token))
            {
                if (e.Trajectory is not null)
                {
                    chunks.Add(e.Trajectory);
                }
                end = e.IsTerminal ? e : end;
            }
            (_message, _failed) = (end?.Message, end?.Status is not ExperimentStatus.Finished);
            if (_failed || chunks.Count == 0)
            {
                return false;
            }
            await CallAsync("load", RacePlayback.From(chunks, _surface, _settings.Steps));
            _loaded = true;
            return true;
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException or OperationCanceledException)
        {
            (_message, _failed) = (ex.Message, true);
            return false;
        }
    }

    private async Task ChangeSettingsAsync(RaceSettings settings)
    {
        _settings = settings;
        ResolveSurface();
        _loaded = false;
        (_runId, _message, _failed) = (null, null, false);
        await CallAsync("clear");
        Navigation.NavigateTo("/optimizers?" + RaceUrl.Serialize(settings), new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private async Task ShareAsync() =>
        await JS.InvokeAsync<bool>("mlintro.copyText", Navigation.BaseUri + "optimizers?" + RaceUrl.Serialize(_settings));

    public async ValueTask DisposeAsync()
    {
        Training.CancelAllOf(_owner);
        if (!IsInteractive)
        {
            return; // prerendering: no browser to talk to
        }
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("clear");
                await _module.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException)
        {
            // the circuit or the page is gone: nothing left to stop
        }
    }
}
