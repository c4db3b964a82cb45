using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Training;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;
using MlIntro.Web.Components.Pages.Tuning;
using MudBlazor;

namespace MlIntro.Web.Components.Pages.Experiments;

/// <summary>A stored experiment, read-only: definition, curves and status, following live while it still runs.</summary>
public sealed partial class ExperimentPage
{
    private readonly List<TrajectoryChunk> _trajectory = [];
    private StoredExperiment? _stored;
    private ExperimentStatus _status;
    private string? _message;
    private BoundaryFrame? _boundary;
    private EvaluationFrame? _evaluation;
    private EpochMetrics? _last;
    private int? _lastEpoch;
    private LossChart? _lossChart;
    private StoredSurfaceRace? _surfaceRace;
    private SeriesChart? _raceLoss;
    private SeriesChart? _raceAccuracy;
    private Overfitting.LadderView? _ladderView;
    private IReadOnlyList<string>? _racers;
    private readonly StudyState _study = new();
    private ISurface? _surface;
    private bool _notFound;
    private bool _shownSurfaceRace;
    private LikelihoodFrame? _likelihood;
    private readonly List<Core.Tracking.RunUsage> _usage = [];
    private MlIntro.Core.Experiments.Trees.TreesFrame? _trees;
    private string? _resumeError;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private ITrainingRuns Training { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private LessonInfo LessonEntry => LessonCatalog.Of(_stored!.Definition.Lesson);

    /// <summary>A single Playground network (not a race): drawn as the Playground draws it.</summary>
    private bool IsPlayground => _stored is { Definition: { Lesson: Lesson.Playground, Race: null, Surface: null } };

    /// <summary>The one model the run trains (trees or a network), which names its loss and ROC; null for races, ladders and the like.</summary>
    private string? ModelLabel => _stored is null ? null : Evaluation.EvaluationSettings.ModelLabelOf(_stored.Definition);

    private bool IsTrees => _stored?.Definition.BoostedTrees is not null;

    private string LossTitle => $"Loss per {(IsTrees ? "round" : "epoch")}{(ModelLabel is { } model ? $": {model}" : "")}";

    private string ForkLink => _stored is null ? "/" : DefinitionLink.ForLesson(_stored.Definition);

    private string DataLabel => _stored is null ? ""
        : _stored.Definition.Likelihood is not null ? Likelihood.LikelihoodDataLabel.Describe(_stored.Definition)
        : DataLabels.Describe(_stored.Definition);

    private SurfacePoint SurfaceStart => _stored?.Definition.Surface is { } s ? new SurfacePoint(s.StartX, s.StartY) : default;

    /// <summary>Surface races have steps, not epochs.</summary>
    private int? EpochsTrained => _surface is null ? _lastEpoch ?? 0 : null;

    private SharedRunStatus Outcome => SharedRunStatus.Of(_status, EpochsTrained, _message);

    private string EpochSummary => _last is null ? "No epochs yet." :
        $"Epoch {_last.Epoch}: training loss {_last.TrainLoss:F4}" +
        (_last.TestLoss is { } test ? $", test loss {test:F4}" : "") +
        (_last.ValidationLoss is { } validation ? $", validation loss {validation:F4}" : "") +
        (_last.TestAccuracy is { } accuracy ? $", test accuracy {accuracy:P1}" : "");

    /// <summary>The resource charts redraw every 20 points while the run goes, and once more at its end.</summary>
    private object UsageKey => (_usage.Count / 20, _status.IsTerminal() ? _usage.Count : 0);

    private double[][]? ConfusionCells => EvaluationCells.Confusion(_evaluation);

    private Color StatusColor => _status switch
    {
        ExperimentStatus.Finished => Color.Success,
        ExperimentStatus.Running or ExperimentStatus.Queued => Color.Info,
        ExperimentStatus.Cancelled or ExperimentStatus.Interrupted => Color.Default,
        _ => Color.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        _stored = await Training.FindAsync(Id, CancellationToken.None);
        _notFound = _stored is null;
        if (_stored is not null)
        {
            _surface = _stored.Definition.Surface is { } surface ? ExperimentValidator.ResolveSurface(surface) : null;
            _racers = _stored.Definition.Race is { Count: > 0 } race ? race.Select(r => r.Name).ToList() : null;
            _status = await Training.LiveStatusAsync(Id, CancellationToken.None) ?? _stored.Status;
            _message = _stored.Message;
        }
    }

    /// <summary>
    /// The owner trains an interrupted run on from its last checkpoint, under the same id; the page then loads afresh,
    /// so that its charts replay the kept epochs once and follow the new ones.
    /// </summary>
    private async Task ResumeInterruptedAsync()
    {
        try
        {
            if (await Training.ContinueAsync(Id, Runs.Owner, CancellationToken.None))
            {
                Navigation.NavigateTo("e/" + Id, forceLoad: true);
                return;
            }
            _resumeError = "This run is no longer interrupted: reload the page to see where it stands.";
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or MlIntro.Training.Scheduling.TrainingRejectedException or InvalidExperimentException)
        {
            _resumeError = ex.Message;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender && _stored is not null && IsInteractive)
        {
            await Run.FollowAsync(Id);
        }
    }

    protected override async Task AfterEventsAsync()
    {
        if (Run.Status?.IsTerminal() == true && _surfaceRace is not null && !_shownSurfaceRace)
        {
            _shownSurfaceRace = true;
            await _surfaceRace.ShowAsync(_trajectory, CancellationToken.None);
        }
        StateHasChanged();
    }

    protected override void Apply(TrainingEvent e)
    {
        if (e.Usage is { } usage)
        {
            _usage.Add(usage);
        }
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _last = e.Metrics;
                _lastEpoch = Math.Max(_lastEpoch ?? 0, e.Metrics.Epoch);
                _lossChart?.Append(e.Metrics);
                _raceLoss?.Append(e.Metrics);
                _raceAccuracy?.Append(e.Metrics);
                _ladderView?.Append(e.Metrics);
                break;
            case TrainingEventKind.Boundary:
                _boundary = e.Boundary;
                break;
            case TrainingEventKind.Evaluation:
                _evaluation = e.Evaluation;
                break;
            case TrainingEventKind.Weights when e.Weights is not null:
                _ladderView?.Append(e.Weights);
                break;
            case TrainingEventKind.Study:
                _study.Apply(e);
                break;
            case TrainingEventKind.Trajectory when e.Trajectory is not null:
                _trajectory.Add(e.Trajectory);
                break;
            case TrainingEventKind.Likelihood when e.Likelihood is not null && _likelihood?.IsFinal != true:
                _likelihood = e.Likelihood;
                break;
            case TrainingEventKind.Trees when e.Trees is not null:
                _trees = e.Trees;
                break;
            case TrainingEventKind.Status:
                _status = e.Status;
                _message = e.Message ?? _message;
                break;
            default:
                break;
        }
    }
}
