using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Evaluation;

/// <summary>
/// Lesson 3: trains a binary classifier through the training service, then lets the user move the cut over the test
/// set's scores (shipped in the run's final evaluation frame) and read the confusion matrix, rates and ROC.
/// </summary>
public sealed partial class EvaluationPage
{
    private const string GaussChoice = GaussTutorialSource.Name;
    private const string NegativeWeightsChoice = "negative-weights";
    private static readonly IReadOnlyList<string> PlaygroundSets = PlaygroundDatasetSource.ClassificationSets;

    private readonly string _owner = "evaluation:" + Guid.NewGuid().ToString("N");
    private string _dataChoice = GaussChoice;
    private string? _negativeWeightsName;
    private UploadedChoice? _upload;
    private string _hidden = "8,8";
    private int _epochs = 40;
    private double _learningRate = 0.01;
    private CancellationTokenSource? _following;
    private string? _runId;
    private bool _running;
    private int _epoch;
    private string _status = "not started";
    private string _dataLabel = "";
    private string? _error;
    private EvaluationFrame? _evaluation;
    private BoundaryFrame? _boundary;
    private LossChart? _lossChart;

    [Inject]
    private TrainingService Training { get; set; } = default!;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private UploadRegistry Uploads { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    protected override void OnInitialized() => Describe();

    private DataSpec CurrentData() => _dataChoice switch
    {
        GaussChoice => new DataSpec(GaussTutorialSource.Name, TrainFraction: 0.5),
        NegativeWeightsChoice => new DataSpec(NegativeWeightsName(), TrainFraction: 0.5),
        _ when _dataChoice.StartsWith(UploadRegistry.Prefix, StringComparison.Ordinal) => new DataSpec(_dataChoice, TrainFraction: 0.5),
        _ => new DataSpec(_dataChoice, Points: 1000, Noise: 0.25, TrainFraction: 0.5),
    };

    /// <summary>The negative-weights toy travels as an upload of a generated table, registered once per page.</summary>
    private string NegativeWeightsName()
    {
        if (_negativeWeightsName is null || !Catalog.Knows(_negativeWeightsName))
        {
            var toy = NegativeWeightToy.Generate(seed: 1);
            _negativeWeightsName = UploadRegistry.Prefix + Uploads.Add(toy.Data, toy.ClassNames, NegativeWeightToy.FileName);
        }
        return _negativeWeightsName;
    }

    private void Describe()
    {
        try
        {
            var split = Catalog.Load(CurrentData(), 1, CancellationToken.None);
            _dataLabel = _dataChoice == NegativeWeightsChoice
                ? $"Toy data (generated): 2D Gaussians as in the tutorial, plus {NegativeWeightToy.CancellingPairs} background events of weight +1 and {NegativeWeightToy.CancellingPairs} of weight −1 near the signal, which cancel on average. " + split.Description
                : split.Description;
            _error = null;
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task ChooseDataAsync(string choice)
    {
        await StopAsync();
        (_dataChoice, _evaluation, _boundary, _epoch, _status) = (choice, null, null, 0, "not started");
        Describe();
    }

    private async Task UseUploadAsync(UploadedChoice choice)
    {
        _upload = choice;
        await ChooseDataAsync(choice.CatalogName);
    }

    private ExperimentDefinition Definition()
    {
        var hidden = _hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new HiddenLayer(int.Parse(n, CultureInfo.InvariantCulture)))
            .ToList();
        return new ExperimentDefinition(
            Lesson.Evaluation,
            CurrentData(),
            new ModelSpec(hidden, Activation.ReLU),
            new OptimizerSpec(OptimizerKind.Adam, _learningRate),
            new TrainingSpec(_epochs, BatchSize: 32, FrameIntervalMs: 500),
            Seed: 1);
    }

    private async Task TrainAsync()
    {
        await StopAsync();
        try
        {
            var id = await Training.StartAsync(Definition(), _owner, CancellationToken.None);
            (_runId, _running, _status, _error, _evaluation, _boundary, _epoch) = (id, true, "training", null, null, null, 0);
            _following = new CancellationTokenSource();
            _ = FollowAsync(id, _following.Token);
        }
        catch (FormatException)
        {
            _error = "Hidden layers must be whole numbers separated by commas, e.g. 8,8.";
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            _error = ex.Message;
        }
    }

    private Task FollowAsync(string id, CancellationToken token) =>
        RunEventPump.FollowAsync(Training.WatchAsync(id, token), InvokeAsync, Apply, token);

    private void Apply(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _epoch = e.Metrics.Epoch;
                _lossChart?.Append(e.Metrics);
                return; // the loss chart draws itself; no page render per epoch
            case TrainingEventKind.Evaluation when e.Evaluation is not null:
                _evaluation = e.Evaluation;
                break;
            case TrainingEventKind.Boundary when e.Boundary is not null:
                _boundary = e.Boundary;
                break;
            case TrainingEventKind.Status when e.IsTerminal:
                _running = false;
                _status = e.Status.ToString().ToLowerInvariant();
                if (e.Status is ExperimentStatus.Failed or ExperimentStatus.Diverged && e.Message is not null)
                {
                    _error = e.Message;
                }
                break;
            default:
                break;
        }
        StateHasChanged();
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
        (_runId, _running) = (null, false);
        if (_lossChart is not null)
        {
            await _lossChart.ClearAsync();
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
