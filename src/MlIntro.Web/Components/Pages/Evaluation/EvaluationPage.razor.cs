using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Training.Evaluation;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Evaluation;

/// <summary>
/// Lesson 4: trains a binary classifier through the training service, then lets the user move the cut over the test
/// set's scores (shipped in the run's final evaluation frame) and read the confusion matrix, rates and ROC.
/// </summary>
public sealed partial class EvaluationPage
{
    private const string NegativeWeightsChoice = "negative-weights";
    private static readonly IReadOnlyList<string> PlaygroundSets = PlaygroundDatasetSource.ClassificationSets;

    private EvaluationSettings _settings = EvaluationSettings.Default;
    private string? _negativeWeightsName;
    private UploadedChoice? _upload;
    private string _dataLabel = "";
    private string? _error;
    private string? _message;
    private IReadOnlyList<string> _classNames = [];
    private IDisposable? _negativeWeightsHolding;
    private EvaluationFrame? _evaluation;
    private BoundaryFrame? _boundary;
    private LossChart? _lossChart;
    private Core.Experiments.Trees.TreesFrame? _trees;
    // What the current run trains: its model names the charts. Null before the first Train (a fork only fills the controls).
    private EvaluationSettings? _runSettings;
    private (string Label, EvaluationFrame Frame)? _networkFinal;
    private (string Label, EvaluationFrame Frame)? _treesFinal;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private UploadRegistry Uploads { get; set; } = default!;

    [Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    /// <summary>Which class the network calls signal: class 1, whose probability it outputs.</summary>
    private string SignalText => _classNames.Count == 2
        ? $"Signal: {_classNames[1]} · background: {_classNames[0]} (the output is the probability of {_classNames[1]})"
        : "";

    private string LossTitle => _runSettings is null ? "Loss (network: per epoch; boosted trees: per round)"
        : $"Loss per {(_runSettings.UseTrees ? "round" : "epoch")}: {_runSettings.ModelLabel}";

    private string StatusText => Run.Status?.ToString().ToLowerInvariant() ?? "not started";

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (Forks.Read(Lesson.Evaluation).Definition is { } fork)
        {
            _settings = EvaluationSettings.FromDefinition(fork);
        }
        Describe();
    }

    private DataSpec CurrentData() =>
        EvaluationSettings.DataFor(_settings.Data == NegativeWeightsChoice ? NegativeWeightsName() : _settings.Data);

    /// <summary>The negative-weights toy travels as an upload of a generated table, registered once per page.</summary>
    private string NegativeWeightsName()
    {
        if (_negativeWeightsName is null || !Catalog.Knows(_negativeWeightsName))
        {
            var toy = NegativeWeightToy.Generate(seed: 1);
            var id = Uploads.Add(toy.Data, toy.ClassNames, NegativeWeightToy.FileName);
            _negativeWeightsHolding?.Dispose();
            _negativeWeightsHolding = Uploads.Hold(id);
            _negativeWeightsName = UploadRegistry.Prefix + id;
        }
        return _negativeWeightsName;
    }

    private void Describe()
    {
        try
        {
            var split = Catalog.Load(CurrentData(), 1, CancellationToken.None);
            _classNames = split.ClassNames;
            _dataLabel = _settings.Data == NegativeWeightsChoice
                ? $"Toy data (generated): 2D Gaussians as in the tutorial, plus {NegativeWeightToy.CancellingPairs} background events of weight +1 and {NegativeWeightToy.CancellingPairs} of weight −1 near the signal, which cancel on average. " + split.Description
                : split.Description;
            _error = null;
        }
        catch (ArgumentException ex)
        {
            _classNames = [];
            _error = _settings.Data.StartsWith(UploadRegistry.Prefix, StringComparison.Ordinal)
                ? "This run used a file uploaded by its author, which is not on the server any more: upload it again below, or choose other data."
                : ex.Message;
        }
    }

    private async Task ChooseDataAsync(string choice)
    {
        await StopAsync();
        _settings = _settings with { Data = choice };
        // The comparison holds runs on the same events only.
        (_networkFinal, _treesFinal) = (null, null);
        Describe();
    }

    /// <summary>A preset may choose other data (the overfit one takes HIGGS): that goes through the data choice.</summary>
    private async Task ChangeSettingsAsync(EvaluationSettings changed)
    {
        if (changed.Data != _settings.Data)
        {
            await ChooseDataAsync(changed.Data);
        }
        _settings = changed;
    }

    /// <summary>Physics weights usually differ by orders of magnitude between classes: balancing is on when the file has weights.</summary>
    private async Task UseUploadAsync(UploadedChoice choice)
    {
        _upload = choice;
        _settings = _settings with { BalanceClasses = choice.Weighted };
        await ChooseDataAsync(choice.CatalogName);
    }

    private async Task TrainAsync()
    {
        await StopAsync();
        _error = _settings.Problem(Limits);
        if (_error is null)
        {
            _runSettings = _settings;
            await StartAndKeepInAddressAsync(_settings.ToDefinition(CurrentData()));
        }
    }

    protected override void Apply(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _lossChart?.Append(e.Metrics);
                break;
            case TrainingEventKind.Evaluation when e.Evaluation is not null:
                _evaluation = e.Evaluation;
                KeepForComparison(e.Evaluation);
                break;
            case TrainingEventKind.Trees when e.Trees is not null:
                _trees = e.Trees;
                break;
            case TrainingEventKind.Boundary when e.Boundary is not null:
                _boundary = e.Boundary;
                break;
            case TrainingEventKind.Status when e.Status == ExperimentStatus.Finished:
                // Early stopping says at which epoch and why; a run that used all its epochs says nothing.
                _message = e.Message;
                break;
            default:
                break;
        }
    }

    /// <summary>The final test frame of the run, for the network-vs-trees overlay (same data: the choice resets it).</summary>
    private void KeepForComparison(EvaluationFrame frame)
    {
        if (!frame.IsFinal || frame.Split != "test")
        {
            return;
        }
        if (_runSettings is null)
        {
            return;
        }
        if (_runSettings.UseTrees)
        {
            _treesFinal = (_runSettings.ModelLabel, frame);
        }
        else
        {
            _networkFinal = (_runSettings.ModelLabel, frame);
        }
    }

    private async Task StopAsync()
    {
        await Run.StopAsync();
        (_evaluation, _boundary, _message, _trees) = (null, null, null, null);
        if (_lossChart is not null)
        {
            await _lossChart.ClearAsync();
        }
    }

    protected override ValueTask ReleaseAsync()
    {
        _negativeWeightsHolding?.Dispose();
        return ValueTask.CompletedTask;
    }
}
