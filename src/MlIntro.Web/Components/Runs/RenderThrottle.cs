namespace MlIntro.Web.Components.Runs;

/// <summary>
/// At most one render per interval, and always a trailing one: a burst of events is drawn at a steady rate, and the
/// last event of a burst (e.g. the one epoch of a single step) is never left undrawn.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private DateTime _last = DateTime.MinValue;
    private bool _trailingScheduled;

    public async Task RequestAsync(bool immediately = false)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var due = _last + interval - DateTime.UtcNow;
            if (immediately || due <= TimeSpan.Zero)
            {
                _last = DateTime.UtcNow;
                wait = TimeSpan.Zero;
            }
            else if (_trailingScheduled)
            {
                return;
            }
            else
            {
                _trailingScheduled = true;
                wait = due;
            }
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
            lock (_gate)
            {
                _trailingScheduled = false;
                _last = DateTime.UtcNow;
            }
        }
        await render();
    }
}
