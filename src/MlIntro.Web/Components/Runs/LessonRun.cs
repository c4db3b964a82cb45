using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// One component's current run: start (or follow someone else's), events applied on the circuit in throttled batches,
/// pause/step/resume/stop, and disposal that stops what the component started. Made by <see cref="LessonRuns.Create"/>.
/// Failures of the follow loop are logged and shown through <see cref="Error"/>, never lost in a background task.
/// </summary>
public sealed partial class LessonRun : IAsyncDisposable
{
    private readonly ITrainingRuns _training;
    private readonly RunOwner _owner;
    private readonly Action<string> _started;
    private readonly Func<Func<Task>, Task> _onCircuit;
    private readonly Action<TrainingEvent> _apply;
    private readonly Func<Task> _render;
    private readonly ILogger<LessonRun> _logger;
    private readonly RunEventFeed _feed;
    private CancellationTokenSource? _following;
    private Task _follow = Task.CompletedTask;
    private bool _owned;

    /// <param name="started">Told each run this component starts (the tab's disconnect pausing).</param>
    internal LessonRun(
        ITrainingRuns training, RunOwner owner, Action<string> started, Func<Func<Task>, Task> onCircuit, Action<TrainingEvent> apply, Func<Task> render,
        ILogger<LessonRun> logger)
    {
        (_training, _owner, _started, _onCircuit, _apply, _render, _logger) = (training, owner, started, onCircuit, apply, render, logger);
        _feed = new RunEventFeed(onCircuit, Apply, render);
    }

    /// <summary>The run being shown, or null before the first start and after a stop.</summary>
    public string? Id { get; private set; }

    /// <summary>Its last status as applied on the circuit (null without a run).</summary>
    public ExperimentStatus? Status { get; private set; }

    /// <summary>The last epoch applied on the circuit (0 before the first).</summary>
    public int Epoch { get; private set; }

    /// <summary>A rejected start, a run that failed or diverged, or a broken follow loop, in words for the page; null when all is well.</summary>
    public string? Error { get; private set; }

    /// <summary>Started and not yet ended.</summary>
    public bool IsActive => Status is { } status && !status.IsTerminal();

    /// <summary>Training now: started by this component, not paused, not ended.</summary>
    public bool IsPlaying { get; private set; }

    /// <summary>The run's shared page, relative to the app's base.</summary>
    public string? Link => Id is null ? null : "/e/" + Id;

    /// <summary>Stops the current run, then starts <paramref name="definition"/> (held before its first epoch when
    /// <paramref name="paused"/>). False, with <see cref="Error"/> set, when the service refuses it.</summary>
    public async Task<bool> StartAsync(ExperimentDefinition definition, bool paused = false)
    {
        await StopAsync();
        try
        {
            var id = await _training.StartAsync(definition, _owner, paused, CancellationToken.None);
            _started(id);
            (_owned, IsPlaying) = (true, !paused);
            Begin(id);
            return true;
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            Error = ex.Message;
            return false;
        }
    }

    /// <summary>Follows a run this component did not start (a shared link): replay, then live. Controls do nothing.</summary>
    public async Task FollowAsync(string id)
    {
        await StopAsync();
        Begin(id);
    }

    public async Task<bool> PauseAsync()
    {
        var paused = await ControlAsync(_training.PauseAsync);
        IsPlaying &= !paused;
        return paused;
    }

    public async Task<bool> ResumeAsync()
    {
        var resumed = await ControlAsync(_training.ResumeAsync);
        IsPlaying |= resumed;
        return resumed;
    }

    /// <summary>Pauses and trains exactly one more epoch.</summary>
    public async Task<bool> StepAsync()
    {
        await PauseAsync();
        return await ControlAsync(_training.StepAsync);
    }

    /// <summary>Sets one weight of the run (when this component started it); see <see cref="TrainingService.SetWeight"/>.</summary>
    public Task<bool> SetWeightAsync(WeightEdit edit) => ControlAsync((id, owner, token) => _training.SetWeightAsync(id, owner, edit, token));

    /// <summary>Ends the run (when this component started it) and keeps following it to its "cancelled" status.</summary>
    public Task<bool> CancelAsync() => ControlAsync(_training.CancelAsync);

    /// <summary>Cancels the run (when this component started it) and stops following it.</summary>
    public async Task StopAsync()
    {
        await ControlAsync(_training.CancelAsync);
        if (_following is not null)
        {
            await _following.CancelAsync();
            await _follow;
            _following.Dispose();
            _following = null;
        }
        (Id, Status, Epoch, IsPlaying, _owned, Error) = (null, null, 0, false, false, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> ControlAsync(Func<string, string, CancellationToken, Task<bool>> action) =>
        _owned && IsActive && await action(Id!, _owner.Id, CancellationToken.None);

    private void Begin(string id)
    {
        (Id, Status, Epoch, Error) = (id, ExperimentStatus.Queued, 0, null);
        _following = new CancellationTokenSource();
        _follow = FollowLoopAsync(id, _following.Token);
    }

    private void Apply(TrainingEvent e)
    {
        if (e.Kind == TrainingEventKind.Status)
        {
            Status = e.Status;
            IsPlaying &= !e.IsTerminal;
            if (e.Status is ExperimentStatus.Failed or ExperimentStatus.Diverged or ExperimentStatus.Interrupted)
            {
                Error = e.Message ?? $"The run ended as {e.Status.ToString().ToLowerInvariant()}.";
            }
        }
        else if (e.Metrics is { } metrics)
        {
            Epoch = Math.Max(Epoch, metrics.Epoch);
        }
        _apply(e);
    }

    private async Task FollowLoopAsync(string id, CancellationToken token)
    {
        try
        {
            await _feed.RunAsync(_training.WatchAsync(id, token), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // a new run, a stop, or the component went away
        }
        catch (Exception ex)
        {
            LogFollowFailed(_logger, ex, id);
            await ShowAsync($"Following run {id} failed: {ex.Message}");
        }
    }

    private async Task ShowAsync(string error)
    {
        try
        {
            await _onCircuit(async () =>
            {
                (Error, IsPlaying) = (error, false);
                await _render();
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // the circuit is gone: the log above is all that is left to do
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following run {Id} failed")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception, string id);
}
