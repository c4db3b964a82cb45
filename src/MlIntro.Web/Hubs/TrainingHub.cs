using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Hubs;

/// <summary>
/// The public door to training at /hubs/training: the same service and rules as the pages. Thin on purpose:
/// it translates the service's errors into <see cref="HubException"/>s a client can show.
/// </summary>
public sealed class TrainingHub(TrainingService training, ILogger<TrainingHub> logger) : Hub
{
    public const string Path = "/hubs/training";

    /// <summary>Reads, validates and queues a run; returns its id at once.</summary>
    /// <param name="definition">An <see cref="ExperimentDefinition"/> as JSON. Taken raw and read here because SignalR
    /// binds typed arguments before the method runs, and a value it cannot read (<c>learningRate: null</c>,
    /// <c>kind: "Foo"</c>) would reach the client as a bare "error on the server" instead of the field's name.</param>
    public async Task<string> Start(JsonElement definition)
    {
        try
        {
            return await training.StartAsync(Read(definition), Context.ConnectionId, Context.ConnectionAborted);
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            throw new HubException(ex.Message);
        }
    }

    private ExperimentDefinition? Read(JsonElement definition)
    {
        try
        {
            return ExperimentJson.ReadDefinition(definition);
        }
        catch (InvalidExperimentException ex)
        {
            // The client's mistake, not the server's failure; the service logs the validator's refusals alike.
            logger.LogInformation("Start refused for connection {ConnectionId}: {Reason}", Context.ConnectionId, ex.Message);
            throw;
        }
    }

    /// <summary>Replays a run's events so far, then follows it live until it ends or the client unsubscribes.</summary>
    public async IAsyncEnumerable<TrainingEvent> Watch(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<TrainingEvent> events = training.WatchAsync(id, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (ExperimentNotFoundException ex)
                {
                    throw new HubException(ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A stream's failure is not seen by HubFailureLog (it wraps the call, not the enumeration).
                    logger.LogError(ex, "Watching run {RunId} failed", id);
                    throw;
                }
                yield return events.Current;
            }
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    /// <summary>Stops a run this connection started; false when it is unknown or already over.</summary>
    public bool Cancel(string id) => Guarded(() => training.Cancel(id, Context.ConnectionId));

    public bool Pause(string id) => Guarded(() => training.Pause(id, Context.ConnectionId));

    public bool Resume(string id) => Guarded(() => training.Resume(id, Context.ConnectionId));

    public bool Step(string id) => Guarded(() => training.Step(id, Context.ConnectionId));

    private static bool Guarded(Func<bool> action)
    {
        try
        {
            return action();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
