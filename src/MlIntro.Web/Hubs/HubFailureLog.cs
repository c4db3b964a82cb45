using Microsoft.AspNetCore.SignalR;

namespace MlIntro.Web.Hubs;

/// <summary>
/// Logs a hub method's real failures at Error. SignalR's own dispatcher logs every exception, a client's refused
/// Start (a <see cref="HubException"/>) included, as "Failed to invoke hub method" at Error, so that category is
/// silenced (see <see cref="Hosting.HubRegistration"/>) and this filter keeps the failures that are the server's.
/// </summary>
public sealed class HubFailureLog(ILogger<HubFailureLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            logger.LogError(ex, "Hub method {Method} failed for connection {ConnectionId}",
                invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }
}
