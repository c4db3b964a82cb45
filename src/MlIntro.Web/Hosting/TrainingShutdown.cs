using MlIntro.Training;
using MlIntro.Training.Batching;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Ends training before the host lets go of anything: every live run is interrupted (it ends as Interrupted with the
/// epochs it recorded), its thread is waited for, and the stacked engine's thread is joined before the container
/// disposes a single tensor. A process that exits while a thread is inside libtorch dies with a segfault instead of
/// exit code 0, and its runs stay "Running" in the store. Registered after <see cref="RecorderShutdown"/>, so it stops
/// before it (hosted services stop in reverse order) and the recorder then stores the Interrupted statuses.
/// </summary>
internal sealed class TrainingShutdown(TrainingService training, StackedRunExecutor stacked, ILogger<TrainingShutdown> logger)
    : IHostedService
{
    /// <summary>For each of the two waits; both together stay well inside the host's default shutdown timeout (30 s).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Not cut short by the host's shutdown timeout: giving up early would let the container dispose tensors that a
        // training thread still uses (the segfault this class exists to prevent). Patience bounds both waits instead.
        var runsEnded = await training.InterruptAllAsync(Patience, CancellationToken.None);
        // Join is blocking; off the host's thread.
        var engineStopped = await Task.Run(() => stacked.StopEngine(Patience), CancellationToken.None);
        if (runsEnded && engineStopped)
        {
            logger.LogInformation("Training stopped: live runs were interrupted and every training thread has ended");
        }
    }
}
