using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Hosting;

namespace MlIntro.Web.Hubs;

/// <summary>
/// The public door to training at /hubs/training: the same service and rules as the pages. Thin on purpose:
/// it translates the service's errors into <see cref="HubException"/>s a client can show. Each connection acts as an
/// owner named by a random token: its own, which <see cref="OwnerToken"/> returns, or one it took with
/// <see cref="UseOwnerToken"/>, so that a client that reconnects (a notebook's kernel restarted) can still stop its runs.
/// </summary>
public sealed class TrainingHub(ITrainingRuns training, OwnerPresence presence, ILogger<TrainingHub> logger) : Hub
{
    public const string Path = "/hubs/training";

    private const string TokenKey = "owner-token";
    private const string OwnerKey = "owner";
    private const string PresenceKey = "owner-presence";

    public override async Task OnConnectedAsync()
    {
        BecomeOwner(ClientIdentity.NewToken());
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // From now on this owner's runs live only for Training:OrphanedRunLifetime, unless it connects again.
        (Context.Items[PresenceKey] as IDisposable)?.Dispose();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>This connection's owner token: keep it to control its runs from a later connection.</summary>
    public string OwnerToken() => (string)Context.Items[TokenKey]!;

    /// <summary>Acts from now on as the owner of <paramref name="token"/> (from <see cref="OwnerToken"/> of an earlier connection).</summary>
    public void UseOwnerToken(string token)
    {
        if (!ClientIdentity.IsToken(token))
        {
            throw new HubException("That is not an owner token: pass the value OwnerToken() returned on the connection that started the runs.");
        }
        BecomeOwner(token);
    }

    /// <summary>Reads, validates and queues a run; returns its id at once.</summary>
    /// <param name="definition">An <see cref="ExperimentDefinition"/> as JSON. Taken raw and read here because SignalR
    /// binds typed arguments before the method runs, and a value it cannot read (<c>learningRate: null</c>,
    /// <c>kind: "Foo"</c>) would reach the client as a bare "error on the server" instead of the field's name.</param>
    public async Task<string> Start(JsonElement definition)
    {
        try
        {
            return await training.StartAsync(Read(definition), Owner, paused: false, Context.ConnectionAborted);
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

    /// <summary>Stops a run of this connection's owner; false when it is unknown or already over.</summary>
    public Task<bool> Cancel(string id) => GuardedAsync(() => training.CancelAsync(id, Owner.Id, Context.ConnectionAborted));

    /// <summary>
    /// Trains on a run of this connection's owner that ended interrupted (its worker died, or the server stopped), from
    /// its last checkpoint, under the same id: watch it again to follow it. False when it is not interrupted.
    /// </summary>
    public async Task<bool> ResumeInterrupted(string id)
    {
        try
        {
            return await GuardedAsync(() => training.ContinueAsync(id, Owner.Id, Context.ConnectionAborted));
        }
        catch (Exception ex) when (ex is InvalidExperimentException or TrainingRejectedException)
        {
            throw new HubException(ex.Message);
        }
    }

    public Task<bool> Pause(string id) => GuardedAsync(() => training.PauseAsync(id, Owner.Id, Context.ConnectionAborted));

    public Task<bool> Resume(string id) => GuardedAsync(() => training.ResumeAsync(id, Owner.Id, Context.ConnectionAborted));

    public Task<bool> Step(string id) => GuardedAsync(() => training.StepAsync(id, Owner.Id, Context.ConnectionAborted));

    private RunOwner Owner => (RunOwner)Context.Items[OwnerKey]!;

    private void BecomeOwner(string token)
    {
        var owner = new RunOwner(ClientIdentity.OwnerIdOf(token), ClientIdentity.AddressOf(Context.GetHttpContext()?.Connection.RemoteIpAddress));
        var entered = presence.Enter(owner.Id);
        (Context.Items[PresenceKey] as IDisposable)?.Dispose();
        (Context.Items[TokenKey], Context.Items[OwnerKey], Context.Items[PresenceKey]) = (token, owner, entered);
    }

    private static async Task<bool> GuardedAsync(Func<Task<bool>> action)
    {
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
