using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// Lesson 5: TensorFlow's "Overfit and underfit" on real HIGGS events, live. Seven networks train side by side in one run;
/// the student shrinks the training set or flips labels and watches the train–held-out gap open, then each remedy close it.
/// </summary>
public sealed partial class OverfittingPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly LadderProgress _progress = new();
    private LadderSettings _settings = LadderSettings.Default;
    private LadderView? _view;
    private string _dataLabel = "";
    private string? _message;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    private int SlowestEpoch => _progress.SlowestEpoch;

    /// <summary>Epochs of the run started here, else of the settings.</summary>
    private int RunEpochs => _progress.Epochs > 0 ? _progress.Epochs : _settings.Epochs;

    private double Progress => _progress.Percent;

    private string StatusText => Run.Status switch
    {
        null => "not started",
        ExperimentStatus.Running when _progress.Started == 0 => "loading the events and training the first epoch",
        { } s => s.ToString().ToLowerInvariant(),
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (Forks.Read(Lesson.Overfitting).Definition is { Ladder.Count: > 0 } fork && WeightsSettings.FromDefinition(fork) is null)
        {
            // A sweep's link brings its epochs back into the epochs field it is trained with.
            _settings = SweepSettings.FromDefinition(fork) is { } sweep ? _settings with { Epochs = sweep.Epochs } : LadderSettings.FromDefinition(fork);
        }
        Describe();
    }

    private void Change(LadderSettings settings)
    {
        _settings = settings;
        Describe();
    }

    /// <summary>Which events the ladder will see, in the data source's own words (citation first).</summary>
    private void Describe() =>
        _dataLabel = Catalog.Load(_settings.ToDefinition().RequiredData, 1, CancellationToken.None).Description + ".";

    private async Task TrainAsync()
    {
        await StopAsync();
        var definition = _settings.ToDefinition();
        _progress.Reset(definition.Ladder!.Count, definition.RequiredTraining.Epochs);
        await StartAndKeepInAddressAsync(definition);
    }

    protected override void Apply(TrainingEvent e)
    {
        if (e.Metrics is { } metrics)
        {
            _progress.Record(metrics);
            _view?.Append(metrics);
        }
        else if (e.IsTerminal)
        {
            _message = e.Message;
        }
    }

    private async Task StopAsync()
    {
        await Run.StopAsync();
        _message = null;
        _progress.Reset(_progress.Models, _progress.Epochs);
        if (_view is not null)
        {
            await _view.ClearAsync();
        }
    }
}
