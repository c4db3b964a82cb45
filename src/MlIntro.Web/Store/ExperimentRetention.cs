using Microsoft.Extensions.Options;

namespace MlIntro.Web.Store;

/// <summary>
/// Keeps the store's disk use bounded on a public server: at start-up and then every
/// <see cref="ExperimentRetentionOptions.Interval"/>, deletes finished runs older than
/// <see cref="ExperimentRetentionOptions.MaxAge"/> and each owner's finished runs beyond
/// <see cref="ExperimentRetentionOptions.MaxRunsPerOwner"/> (oldest first). Runs still queued or running are never
/// touched (see <see cref="EfExperimentStore.DeleteExpiredAsync"/>).
/// </summary>
internal sealed class ExperimentRetention(
    EfExperimentStore store,
    IOptions<ExperimentRetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<ExperimentRetention> logger) : BackgroundService
{
    /// <summary>One pass; returns how many runs it deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var removed = await store.DeleteExpiredAsync(timeProvider.GetUtcNow() - settings.MaxAge, settings.MaxRunsPerOwner, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation(
                "Retention deleted {Count} stored runs older than {MaxAge} or beyond {MaxRunsPerOwner} per owner.",
                removed, settings.MaxAge, settings.MaxRunsPerOwner);
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or failing disk must not stop the server (a BackgroundService's exception would); the next pass retries.
                logger.LogWarning(ex, "Retention pass failed; the next one runs in {Interval}.", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
