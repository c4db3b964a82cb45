using Microsoft.AspNetCore.Components;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Jets;

/// <summary>
/// Lesson 4: the lecture's jet tagger on the hls4ml data when its file is in the data folder, else on toy jets
/// (always said on the page), or on an uploaded table; live loss, accuracy, per-class ROC and confusion matrix.
/// </summary>
public sealed partial class JetsPage
{
    private const string RealName = Hls4mlJetsSource.Name;
    private const string ToyName = ToyJetsSource.Name;

    private readonly string _owner = "jets:" + Guid.NewGuid().ToString("N");
    private JetPreset _preset = JetPresets.Lecture;
    private int _epochs = JetPresets.Lecture.Epochs;
    private int _toyJets = 50_000;
    private bool _realData;
    private string _dataName = ToyName;
    private string _dataLabel = "";
    private CancellationTokenSource? _following;
    private string? _runId;
    private bool _running;
    private int _epoch;
    private string _status = "not started";
    private string? _error;
    private EvaluationFrame? _evaluation;
    private EvaluationFrame? _final;
    private double[][]? _matrix;
    private LossChart? _lossChart;
    private AccuracyChart? _accuracyChart;

    [Inject]
    private TrainingService Training { get; set; } = default!;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    protected override void OnInitialized()
    {
        _realData = Catalog.Knows(RealName);
        _dataName = _realData ? RealName : ToyName;
        _toyJets = Math.Min(_toyJets, Limits.MaxPoints);
        _dataLabel = DataLabels.Describe(Data());
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
        (_evaluation, _final, _matrix, _epoch, _error) = (null, null, null, 0, null);
        try
        {
            var data = Data();
            // Small uploads cannot fill a batch of 1024; the recipe's batch is kept whenever the data allow it.
            var trainingRows = Catalog.TrainingRows(data);
            var batch = trainingRows is { } rows ? Math.Clamp((int)(rows * (1 - JetPresets.ValidationFraction)), 1, JetPresets.BatchSize) : JetPresets.BatchSize;
            var id = await Training.StartAsync(JetPresets.Definition(_preset, data, _epochs, batch), _owner, CancellationToken.None);
            (_runId, _running, _status) = (id, true, _realData && _dataName == RealName ? "loading the data and training" : "training");
            _following = new CancellationTokenSource();
            _ = FollowAsync(id, _following.Token);
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
                _accuracyChart?.Append(e.Metrics);
                break;
            case TrainingEventKind.Evaluation when e.Evaluation is not null:
                _evaluation = e.Evaluation;
                _final = e.Evaluation.IsFinal ? e.Evaluation : _final;
                _matrix = e.Evaluation.WeightedConfusion
                    ?? e.Evaluation.ConfusionMatrix?.Select(r => r.Select(c => (double)c).ToArray()).ToArray();
                break;
            case TrainingEventKind.Status when e.IsTerminal:
                _running = false;
                _status = e.Status.ToString().ToLowerInvariant();
                if (e.Status is ExperimentStatus.Failed or ExperimentStatus.Diverged && e.Message is not null)
                {
                    _error = e.Message;
                }
                break;
            case TrainingEventKind.Status:
                _status = e.Status == ExperimentStatus.Queued ? "queued" : _status;
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
        if (_running)
        {
            _status = "stopped";
        }
        (_runId, _running) = (null, false);
        if (_lossChart is not null)
        {
            await _lossChart.ClearAsync();
        }
        if (_accuracyChart is not null)
        {
            await _accuracyChart.ClearAsync();
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
