using MlIntro.Core.Experiments;

namespace MlIntro.Web.Store;

/// <summary>
/// At start-up, before the app serves requests: makes sure the schema exists and ends the runs that a previous process
/// left queued or running (their trainer is gone), so their links show a failure instead of waiting forever.
/// At stop, after the services registered later (the recorder among them) have stored their last events: moves the
/// WAL journal into the database file, so that a copy of the .db file alone is a complete backup.
/// </summary>
internal sealed class ExperimentStoreStartup(
    IServiceProvider services,
    IExperimentStore store,
    TimeProvider timeProvider,
    Microsoft.Extensions.Options.IOptions<ExperimentStoreStartupOptions> options,
    ILogger<ExperimentStoreStartup> logger) : IHostedService
{
    public const string RestartMessage = "The server restarted before this run finished.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.InitializeExperimentStoreAsync(cancellationToken);
        if (!options.Value.FailUnfinishedAtStart)
        {
            return;
        }
        var failed = await store.FailUnfinishedAsync(RestartMessage, timeProvider.GetUtcNow(), cancellationToken);
        if (failed > 0)
        {
            logger.LogWarning("Marked {Count} experiments left unfinished by the previous run as failed.", failed);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await services.CheckpointExperimentStoreAsync(cancellationToken))
            {
                logger.LogWarning("The experiment store's journal could not be emptied at stop (a reader was busy); copy the -wal file with the database.");
            }
        }
#pragma warning disable CA1031 // Stopping goes on: the data are safe in the journal, only not yet in the .db file.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning("The experiment store's journal could not be moved into the database at stop: {Reason}", ex.Message);
        }
    }
}
