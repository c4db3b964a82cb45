using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>Starts a network race (<see cref="ExperimentDefinition.Race"/>) and draws one loss and accuracy line per optimizer live.</summary>
public sealed partial class NetworkRacePanel
{
    private static readonly string[] Sets = ["spiral", "circle", "xor", "gauss"];
    private readonly string _owner = "optimizers-network:" + Guid.NewGuid().ToString("N");
    private IReadOnlyList<RacerSettings> _racers =
    [
        RacerSettings.Default(OptimizerKind.GD, 0.1),
        RacerSettings.Default(OptimizerKind.Momentum, 0.01),
        RacerSettings.Default(OptimizerKind.Adagrad, 0.1),
        RacerSettings.Default(OptimizerKind.Adadelta, 1),
        RacerSettings.Default(OptimizerKind.RMSProp, 0.01),
        RacerSettings.Default(OptimizerKind.Adam, 0.01),
        RacerSettings.Default(OptimizerKind.Ftrl, 0.1),
    ];
    private string _dataset = "spiral";
    private string _hidden = "8,8";
    private int _epochs = 200;
    private string? _runId;
    private string? _message;
    private CancellationTokenSource? _following;
    private SeriesChart? _loss;
    private SeriesChart? _accuracy;

    [Inject]
    private TrainingService Training { get; set; } = default!;

    private bool Interactive => RendererInfo.IsInteractive;

    private DataSpec Data => new(_dataset, Points: 500, Noise: 0, TrainFraction: 0.5);

    private string DataLabel => DataLabels.Describe(Data) + " The same model, data, batch order and seed for every optimizer.";

    private ExperimentDefinition Definition()
    {
        var layers = _hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, 1, 64) : 4)
            .Take(6).Select(n => new HiddenLayer(n)).ToArray();
        var race = new RaceSettings("", null, 0, 0, 1, _racers).NamedOptimizers;
        return new ExperimentDefinition(
            Lesson.Optimizers, Data, new ModelSpec(layers, Activation.Tanh), race[0].Optimizer,
            new TrainingSpec(_epochs, BatchSize: 10, FrameIntervalMs: 100), Seed: 1, Race: race);
    }

    private async Task StartAsync()
    {
        await StopAsync();
        try
        {
            var definition = Definition();
            _runId = await Training.StartAsync(definition, _owner, CancellationToken.None);
            _message = null;
            var names = definition.Race!.Select(r => r.Name).ToList();
            await Task.WhenAll(_loss?.ResetAsync(names) ?? Task.CompletedTask, _accuracy?.ResetAsync(names) ?? Task.CompletedTask);
            _following = new CancellationTokenSource();
            _ = FollowAsync(_runId, _following.Token);
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            _message = ex.Message;
        }
    }

    private async Task FollowAsync(string id, CancellationToken token)
    {
        try
        {
            await foreach (var e in Training.WatchAsync(id, token))
            {
                if (e.Metrics is not null)
                {
                    _loss?.Append(e.Metrics);
                    _accuracy?.Append(e.Metrics);
                }
                else if (e.IsTerminal)
                {
                    _message = e.Message ?? $"Finished: {e.Status}.";
                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // stopped or page closed
        }
    }

    private async Task StopAsync()
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
