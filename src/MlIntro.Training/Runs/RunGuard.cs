using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Files;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces.Formulas;

namespace MlIntro.Training.Runs;

/// <summary>
/// The one way every executor starts and ends a run: Running first, then exactly one terminal status, whatever the
/// body does. A user's mistake (bad data, bad formula, bad settings) ends as Failed with its own message; anything
/// else is logged and ends as Failed too, never escaping to the scheduler or touching another run. A run stopped on its
/// token ends as Cancelled, or as Interrupted when the server stopped it (<see cref="ExperimentRun.Interrupt"/>).
/// </summary>
public static class RunGuard
{
    public static void Execute(ExperimentRun run, ILogger logger, Func<CancellationToken, (ExperimentStatus Status, string? Message)> body)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(body);
        var token = run.Cancellation;
        try
        {
            run.Events.PublishStatus(ExperimentStatus.Running);
            var (status, message) = body(token);
            run.Events.PublishStatus(status, message);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            var (status, message) = run.StoppedOutcome;
            run.Events.PublishStatus(status, message);
        }
        catch (Exception ex) when (IsUsersMistake(ex))
        {
            run.Events.PublishStatus(ExperimentStatus.Failed, ex.Message);
        }
#pragma warning disable CA1031 // One user's broken run must never take the server (or anyone else's run) down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Run {RunId} failed", run.Id);
            run.Events.PublishStatus(ExperimentStatus.Failed, "Training failed: " + ex.Message);
        }
    }

    /// <summary>As <see cref="Execute(ExperimentRun, ILogger, Func{CancellationToken, ValueTuple{ExperimentStatus, string}})"/>, with the run's data loaded (a load failure is the user's mistake).</summary>
    public static void Execute(
        ExperimentRun run, DatasetCatalog catalog, ILogger logger, Func<DatasetSplit, CancellationToken, (ExperimentStatus Status, string? Message)> body)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(body);
        Execute(run, logger, token =>
        {
            var data = catalog.Load(run.Definition.RequiredData, run.Definition.Seed, token);
            run.Events.Meter.SamplesPerEpoch = data.Train.Rows;
            return body(data, token);
        });
    }

    private static bool IsUsersMistake(Exception ex) =>
        ex is InvalidExperimentException or ArgumentException or InvalidDataException or IOException or FormulaException or DataFileException;
}
