using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Hubs;

/// <summary>
/// Logs a hub method's real failures at Error and its refusals (a <see cref="HubException"/>: control of another
/// client's run, a run that does not exist) at Information, without a stack trace. SignalR's own dispatcher logs every
/// exception, refusals included, as "Failed to invoke hub method" at Error, so that category is silenced (see
/// <see cref="Hosting.HubRegistration"/>) and this filter says which is which.
/// </summary>
public sealed class HubFailureLog(ILogger<HubFailureLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        var connection = invocationContext.Context.ConnectionId;
        try
        {
            var result = await next(invocationContext);
            // A stream's refusal comes while it is read, after this call has returned.
            return result is IAsyncEnumerable<TrainingEvent> events ? new RefusalLoggingStream(events, ex => Refused(method, connection, ex)) : result;
        }
        // Start's refusals are logged where they are decided (the hub's reader, the service, the rate limit).
        catch (HubException ex) when (method != nameof(TrainingHub.Start))
        {
            Refused(method, connection, ex);
            throw;
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            logger.LogError(ex, "Hub method {Method} failed for connection {ConnectionId}", method, connection);
            throw;
        }
    }

    private void Refused(string method, string connection, HubException ex) =>
        logger.LogInformation("Hub method {Method} refused for connection {ConnectionId}: {Reason}", method, connection, ex.Message);
}
