using Microsoft.EntityFrameworkCore;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Cluster;

/// <summary>
/// Ends the runs of workers that died: every few seconds asks each run the store shows unfinished for its live status.
/// A run on a live worker answers from its activation; one whose worker the cluster has declared dead is activated
/// anew here, finds no live run and marks itself interrupted (<see cref="RunGrain.OnActivateAsync"/>), so its watchers
/// are told even when nobody opens its page.
/// </summary>
internal sealed partial class OrphanJanitor(
    IDbContextFactory<ExperimentDbContext> contexts, IGrainFactory grains, ILogger<OrphanJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    // A call to a silo not yet declared dead waits for it; the next round asks again.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
#pragma warning disable CA1031 // One failed round (store busy, cluster changing) must not end the sweeps.
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the silo is stopping
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<string> unfinished;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            unfinished = await db.Experiments.AsNoTracking()
                .Where(e => e.Status == ExperimentStatus.Queued || e.Status == ExperimentStatus.Running)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        }
        await Task.WhenAll(unfinished.Select(id => PokeAsync(id, cancellationToken)));
    }

    private async Task PokeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IRunGrain>(id).LiveStatusAsync().WaitAsync(CallTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // Its worker is failing or gone and not yet declared dead: asked again next round.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for runs of dead workers failed; trying again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
