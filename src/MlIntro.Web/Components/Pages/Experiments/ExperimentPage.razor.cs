using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Components.Widgets;
using MudBlazor;

namespace MlIntro.Web.Components.Pages.Experiments;

/// <summary>A stored experiment, read-only: definition, curves and status, following live while it still runs.</summary>
public sealed partial class ExperimentPage
{
    private readonly CancellationTokenSource _watching = new();
    private StoredExperiment? _stored;
    private ExperimentStatus _status;
    private string? _message;
    private BoundaryFrame? _boundary;
    private EvaluationFrame? _evaluation;
    private EpochMetrics? _last;
    private LossChart? _lossChart;
    private TrajectoryChart? _trajectories;
    private SeriesChart? _raceLoss;
    private SeriesChart? _raceAccuracy;
    private IReadOnlyList<string>? _racers;
    private MlIntro.Core.Surfaces.ISurface? _surface;
    private bool _notFound;
    private RenderThrottle? _renders;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private TrainingService Training { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    private string LessonTitle => _stored is null ? "" :
        LessonCatalog.All.FirstOrDefault(l => l.Number == (int)_stored.Definition.Lesson + 1)?.Title ?? _stored.Definition.Lesson.ToString();

    private string ForkLink => _stored is null ? "/" : DefinitionLink.ForLesson(_stored.Definition);

    private string DataLabel => _stored is null ? "" : DataLabels.Describe(_stored.Definition);

    private string EpochSummary => _last is null ? "No epochs yet." :
        $"Epoch {_last.Epoch}: training loss {_last.TrainLoss:F4}" +
        (_last.TestLoss is { } test ? $", test loss {test:F4}" : "") +
        (_last.ValidationLoss is { } validation ? $", validation loss {validation:F4}" : "") +
        (_last.TestAccuracy is { } accuracy ? $", test accuracy {accuracy:P1}" : "");

    private double[][]? ConfusionCells => _evaluation is null ? null
        : _evaluation.WeightedConfusion ?? _evaluation.ConfusionMatrix?.Select(row => row.Select(c => (double)c).ToArray()).ToArray();

    private Color StatusColor => _status switch
    {
        ExperimentStatus.Finished => Color.Success,
        ExperimentStatus.Running or ExperimentStatus.Queued => Color.Info,
        _ => Color.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        _stored = await Training.FindAsync(Id, _watching.Token);
        _notFound = _stored is null;
        if (_stored is not null)
        {
            _surface = _stored.Definition.Surface is { } surface ? ExperimentValidator.ResolveSurface(surface) : null;
            _racers = _surface is null && _stored.Definition.Race is { Count: > 0 } race ? race.Select(r => r.Name).ToList() : null;
            _status = Training.LiveStatus(Id) ?? _stored.Status;
            _message = _stored.Message;
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && _stored is not null && RendererInfo.IsInteractive)
        {
            _renders = new RenderThrottle(() => InvokeAsync(StateHasChanged), TimeSpan.FromMilliseconds(100));
            _ = FollowAsync();
        }
    }

    private async Task FollowAsync()
    {
        try
        {
            await foreach (var e in Training.WatchAsync(Id, _watching.Token))
            {
                switch (e.Kind)
                {
                    case TrainingEventKind.Epoch when e.Metrics is not null:
                        _last = e.Metrics;
                        _lossChart?.Append(e.Metrics);
                        _raceLoss?.Append(e.Metrics);
                        _raceAccuracy?.Append(e.Metrics);
                        break;
                    case TrainingEventKind.Boundary:
                        _boundary = e.Boundary;
                        break;
                    case TrainingEventKind.Evaluation:
                        _evaluation = e.Evaluation;
                        break;
                    case TrainingEventKind.Trajectory when e.Trajectory is not null && _trajectories is not null:
                        _trajectories.Append(e.Trajectory);
                        break;
                    case TrainingEventKind.Status:
                        _status = e.Status;
                        _message = e.Message ?? _message;
                        break;
                    default:
                        break;
                }
                _ = _renders!.RequestAsync(immediately: e.IsTerminal);
                if (e.IsTerminal && _trajectories is not null)
                {
                    await InvokeAsync(_trajectories.RedrawAsync);
                }
            }
        }
        catch (OperationCanceledException) when (_watching.IsCancellationRequested)
        {
            // the page closed
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _watching.CancelAsync();
        _watching.Dispose();
    }
}
