namespace MlIntro.Web.Hosting;

/// <summary>
/// Logs refused requests at Information, without a stack trace, once per minute for the same kind of refusal and
/// client, with the number of refusals not logged since: a flood of refusals must not become a flood of log lines.
/// </summary>
public sealed class RejectionLog(ILogger<RejectionLog> logger, TimeProvider time)
{
    private const int MaxTracked = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Client), Window> _windows = [];

    /// <param name="kind">What was refused, e.g. "Hub connection".</param>
    /// <param name="client">From <see cref="ClientAddress"/>.</param>
    /// <param name="reason">The sentence the client was given.</param>
    public void Refused(string kind, string client, string reason)
    {
        var now = time.GetUtcNow();
        int suppressed;
        lock (_gate)
        {
            if (_windows.TryGetValue((kind, client), out var window) && now - window.Start < RateLimitOptions.Window)
            {
                window.Suppressed++;
                return;
            }
            suppressed = window?.Suppressed ?? 0;
            if (_windows.Count >= MaxTracked)
            {
                Forget(now);
            }
            _windows[(kind, client)] = new Window(now);
        }
        logger.LogInformation("{Kind} refused for {Client}: {Reason} ({Suppressed} more were refused in the minute before, not logged)",
            kind, client, reason, suppressed);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows.Where(w => now - w.Value.Start >= RateLimitOptions.Window).ToList())
        {
            _windows.Remove(key);
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Suppressed { get; set; }
    }
}
