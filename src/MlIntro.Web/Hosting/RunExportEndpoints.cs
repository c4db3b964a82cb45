using MlIntro.Core.Experiments;
using MlIntro.Core.Tracking;

namespace MlIntro.Web.Hosting;

/// <summary>
/// <c>/e/{id}/export/{csv|json|tensorboard}</c>: a stored run or study as files, for anyone with its link (as /e/{id}).
/// The TensorBoard zip unpacks into a log folder: <c>tensorboard --logdir .</c> shows its curves and, for a study, the HParams dashboard.
/// </summary>
public static class RunExportEndpoints
{
    public static IEndpointRouteBuilder MapRunExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/e/{id}/export/{format}", async (string id, string format, IExperimentStore store, CancellationToken cancellationToken) =>
        {
            if (await store.FindAsync(id, cancellationToken) is not { } stored)
            {
                return Results.NotFound();
            }
            // Checkpoints are the store's, for resuming; an export is the run's results.
            var events = (await store.EventsAsync(id, cancellationToken)).Where(e => e.Kind != TrainingEventKind.Checkpoint).ToList();
            return format switch
            {
                "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(RunExport.Csv(stored.Definition, events)), "text/csv", $"{id}.csv"),
                "json" => Results.File(System.Text.Encoding.UTF8.GetBytes(RunExport.Json(stored.Definition, events)), "application/json", $"{id}.json"),
                "tensorboard" => Results.File(RunExport.TensorBoard(stored.Definition, events, stored.CreatedAt), "application/zip", $"{id}-tensorboard.zip"),
                _ => Results.NotFound(),
            };
        });
        return endpoints;
    }
}
