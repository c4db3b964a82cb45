using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Jets;

/// <summary>
/// Lesson 6: the lecture's jet tagger on the hls4ml data when its file is in the data folder, else on toy jets
/// (always said on the page), or on an uploaded table; live loss, accuracy, per-class ROC and confusion matrix.
/// </summary>
public sealed partial class JetsPage
{
    private const string RealName = Hls4mlJetsSource.Name;
    private const string ToyName = ToyJetsSource.Name;

    private JetPreset _preset = JetPresets.Lecture;
    private int _epochs = JetPresets.Lecture.Epochs;
    private int _toyJets = 50_000;
    private bool _realData;
    private string _dataName = ToyName;
    private string _dataLabel = "";
    private EvaluationFrame? _evaluation;
    private EvaluationFrame? _final;
    private double[][]? _matrix;
    private LossChart? _lossChart;
    private AccuracyChart? _accuracyChart;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    private string StatusText => Run.Status switch
    {
        null => "not started",
        ExperimentStatus.Running when _realData && _dataName == RealName && Run.Epoch == 0 => "loading the data and training",
        ExperimentStatus.Running => "training",
        { } s => s.ToString().ToLowerInvariant(),
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _realData = Catalog.Knows(RealName);
        _dataName = _realData ? RealName : ToyName;
        _toyJets = Math.Min(_toyJets, Limits.MaxPoints);
        if (Forks.Read(Lesson.Jets).Definition is { } fork)
        {
            (_preset, _epochs) = (JetPresets.Of(fork), fork.RequiredTraining.Epochs);
            (_dataName, _toyJets) = (fork.RequiredData.Name, fork.RequiredData.Name == ToyName ? fork.RequiredData.Points : _toyJets);
        }
        _dataLabel = Catalog.Knows(_dataName)
            ? DataLabels.Describe(Data())
            : "This run used data that is not on this server (an upload of its author's, or the real jets): choose the data again.";
    }

    private DataSpec Data() => _dataName == ToyName ? new DataSpec(ToyName, Points: _toyJets) : new DataSpec(_dataName);

    private void ChoosePreset(string key)
    {
        _preset = JetPresets.Find(key);
        _epochs = _preset.Epochs;
    }

    private async Task UseUploadAsync(UploadedChoice choice)
    {
        await StopAsync();
        _dataName = choice.CatalogName;
        _dataLabel = $"Uploaded data: {choice.FileName}, {choice.Rows:N0} rows, {choice.Features} features, classes {string.Join(", ", choice.ClassNames)}{(choice.Weighted ? ", weighted" : "")}.";
    }

    private async Task TrainAsync()
    {
        await StopAsync();
        var data = Data();
        await StartAndKeepInAddressAsync(JetPresets.Definition(_preset, data, _epochs, JetPresets.BatchFor(_dataName == ToyName, Catalog.TrainingRows(data))));
    }

    protected override void Apply(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _lossChart?.Append(e.Metrics);
                _accuracyChart?.Append(e.Metrics);
                break;
            case TrainingEventKind.Evaluation when e.Evaluation is not null:
                _evaluation = e.Evaluation;
                _final = e.Evaluation.IsFinal ? e.Evaluation : _final;
                _matrix = EvaluationCells.Confusion(e.Evaluation);
                break;
            default:
                break;
        }
    }

    private async Task StopAsync()
    {
        await Run.StopAsync();
        (_evaluation, _final, _matrix) = (null, null, null);
        await Task.WhenAll(_lossChart?.ClearAsync() ?? Task.CompletedTask, _accuracyChart?.ClearAsync() ?? Task.CompletedTask);
    }
}
