using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MlIntro.Web.Hosting;

namespace MlIntro.Web.Hubs;

/// <summary>
/// Limits <see cref="TrainingHub.Start"/> per client address (a fixed window of <see cref="RateLimitOptions.StartsPerMinute"/>):
/// the rate-limiting middleware sees a connection's requests, not the hub calls inside it.
/// </summary>
public sealed class StartRateLimit : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly RejectionLog _log;

    public StartRateLimit(IOptions<RateLimitOptions> options, RejectionLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _log = log;
        _limiter = limits.Enabled
            ? PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = limits.StartsPerMinute, Window = RateLimitOptions.Window, QueueLimit = 0 }))
            : null;
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (_limiter is null || invocationContext.Hub is not TrainingHub || invocationContext.HubMethodName != nameof(TrainingHub.Start))
        {
            return await next(invocationContext);
        }
        var client = ClientAddress.Of(invocationContext.Context.GetHttpContext());
        using (var lease = _limiter.AttemptAcquire(client))
        {
            if (!lease.IsAcquired)
            {
                var message = $"Too many runs started from your address; wait {RateLimitRegistration.RetryAfterSeconds(lease)} seconds.";
                _log.Refused("Start", client, message);
                throw new HubException(message);
            }
        }
        return await next(invocationContext);
    }

    public void Dispose() => _limiter?.Dispose();
}
