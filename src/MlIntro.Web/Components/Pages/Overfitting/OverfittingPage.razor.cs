using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// Lesson 5: TensorFlow's "Overfit and underfit" on real HIGGS events, live. Seven networks train side by side in one run;
/// the student shrinks the training set or flips labels and watches the train–held-out gap open, then each remedy close it.
/// </summary>
public sealed partial class OverfittingPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private LadderSettings _settings = LadderSettings.Default;
    private LadderView? _view;
    private string _dataLabel = "";
    private string? _message;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    private double Progress => _settings.Epochs > 0 ? 100.0 * Run.Epoch / _settings.Epochs : 0;

    private string StatusText => Run.Status switch
    {
        null => "not started",
        ExperimentStatus.Running when Run.Epoch == 0 => "loading the events and training the first epoch",
        { } s => s.ToString().ToLowerInvariant(),
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (Forks.Read(Lesson.Overfitting).Definition is { Ladder.Count: > 0 } fork && WeightsSettings.FromDefinition(fork) is null && SweepSettings.FromDefinition(fork) is null)
        {
            _settings = LadderSettings.FromDefinition(fork);
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
        await Run.StartAsync(_settings.ToDefinition());
    }

    protected override void Apply(TrainingEvent e)
    {
        if (e.Metrics is { } metrics)
        {
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
        if (_view is not null)
        {
            await _view.ClearAsync();
        }
    }
}
