using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Cluster;

/// <summary>A run on this worker, reached from any front end; the training itself is the worker's <see cref="TrainingService"/>.</summary>
[DevicePlacement]
public sealed partial class RunGrain(
    TrainingService training, IExperimentStore store, IOptions<TrainingOptions> options, ILocalSiloDetails silo, ILogger<RunGrain> logger)
    : Grain, IRunGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A Start activates the grain before the run is stored; any other first call on a run this worker does not
        // train finds either a finished run (replayed from the store) or one whose worker died.
        var id = this.GetPrimaryKeyString();
        if (training.LiveStatus(id) is null)
        {
            await OrphanedRuns.InterruptAsync(store, id, cancellationToken);
        }
    }

    public Task<StartAnswer> StartAsync(ExperimentDefinition definition, RunOwner owner, bool paused) =>
        TrainHereAsync(async () =>
        {
            await training.StartAsync(this.GetPrimaryKeyString(), definition, owner, paused, CancellationToken.None);
            return true;
        });

    public Task<StartAnswer> ContinueAsync(string ownerId) =>
        TrainHereAsync(() => training.ContinueAsync(this.GetPrimaryKeyString(), ownerId, CancellationToken.None));

    /// <summary>Starts or resumes the run in this silo's service; the service's refusals become answers.</summary>
    /// <param name="admit">False when there is nothing to train (a resume of a run no longer interrupted).</param>
    private async Task<StartAnswer> TrainHereAsync(Func<Task<bool>> admit)
    {
        try
        {
            if (!await admit())
            {
                return new StartAnswer(RunRefusal.NotInterrupted, null);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            return new StartAnswer(RunRefusal.NotOwner, ex.Message);
        }
        catch (InvalidExperimentException ex)
        {
            return new StartAnswer(RunRefusal.Invalid, ex.Message);
        }
        catch (TrainingRejectedException ex)
        {
            return new StartAnswer(RunRefusal.Rejected, ex.Message);
        }

        // The run lives in this silo's TrainingService: the grain must not move away from it while it trains.
        DelayDeactivation(options.Value.MaxRunDuration + TimeSpan.FromMinutes(1));
        LogTrainsHere(logger, this.GetPrimaryKeyString(), silo.SiloAddress);
        return StartAnswer.Accepted;
    }

    public async IAsyncEnumerable<TrainingEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in training.WatchAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            yield return e;
        }
    }

    public Task<ExperimentStatus?> LiveStatusAsync() => Task.FromResult(training.LiveStatus(this.GetPrimaryKeyString()));

    public Task<ControlAnswer> CancelAsync(string ownerId) => Control(training.Cancel, ownerId);

    public Task<ControlAnswer> PauseAsync(string ownerId) => Control(training.Pause, ownerId);

    public Task<ControlAnswer> ResumeAsync(string ownerId) => Control(training.Resume, ownerId);

    public Task<ControlAnswer> StepAsync(string ownerId) => Control(training.Step, ownerId);

    public Task<ControlAnswer> SetWeightAsync(string ownerId, WeightEdit edit) =>
        Control((id, owner) => training.SetWeight(id, owner, edit), ownerId);

    public Task<bool> PauseIfPlayingAsync(string ownerId) =>
        Task.FromResult(training.PauseAllOf(ownerId, [this.GetPrimaryKeyString()]).Count == 1);

    private Task<ControlAnswer> Control(Func<string, string, bool> action, string ownerId)
    {
        try
        {
            return Task.FromResult(new ControlAnswer(action(this.GetPrimaryKeyString(), ownerId), null));
        }
        catch (UnauthorizedAccessException ex)
        {
            return Task.FromResult(new ControlAnswer(false, ex.Message));
        }
    }

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloAddress.ToString());

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} trains on silo {Silo}")]
    private static partial void LogTrainsHere(ILogger logger, string runId, SiloAddress silo);
}
