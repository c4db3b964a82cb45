using Microsoft.JSInterop;
using Plotly.Blazor.Traces;

namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// A chart fed by points that arrive in bursts from any thread. Points wait in a buffer and are drawn every
/// <see cref="FlushInterval"/> with one extendTraces call, never a full re-render per point. When plotly cannot
/// extend (a failed call, or the subclass changed its traces), the chart redraws from its own traces, which hold
/// every point, so nothing is lost and the flush loop keeps running.
/// </summary>
/// <typeparam name="TPoint">What the page appends (an epoch's metrics, a trajectory chunk).</typeparam>
public abstract class StreamingChart<TPoint>(string defaultId) : PlotlyWidget(defaultId), IAsyncDisposable
{
    /// <summary>Plotly redraws the whole chart on every extendTraces (its SVG rebuilt, styles recomputed): five times a
    /// second reads as live and leaves a busy page's browser room for the rest.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly List<TPoint> _pending = [];
    // Flushes and restarts both await JS calls on the circuit; one at a time, so that a flush finishing after a
    // restart cannot draw or count points of the run before it.
    private readonly SemaphoreSlim _drawing = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private PeriodicTimer? _timer;
    private bool _redrawDue;

    /// <summary>Points drawn since the last restart (the markup shows it as data-points).</summary>
    protected int Plotted { get; private set; }

    /// <summary>Queues a point to draw; safe from any thread.</summary>
    public void Append(TPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (_gate)
        {
            _pending.Add(point);
        }
    }

    /// <summary>Draws the queued points now rather than at the next tick; nothing happens before plotly's first draw.</summary>
    public async Task FlushAsync()
    {
        if (!IsPlotReady || Chart is null || _disposed.IsCancellationRequested)
        {
            return;
        }
        var cancellationToken = _disposed.Token;
        await _drawing.WaitAsync(cancellationToken);
        try
        {
            TPoint[] batch;
            lock (_gate)
            {
                batch = [.. _pending];
                _pending.Clear();
            }
            if (batch.Length > 0)
            {
                await DrawAsync(batch, cancellationToken);
            }
        }
        finally
        {
            _drawing.Release();
        }
    }

    /// <summary>The trace values of one point.</summary>
    protected abstract IEnumerable<TracePoint> Map(TPoint point);

    /// <summary>
    /// Lets the chart change its traces before a batch is mapped (a new racer's trace, a renamed one); true if it
    /// did, and the batch is then drawn with a full redraw instead of extendTraces.
    /// </summary>
    protected virtual bool Restructure(IReadOnlyList<TPoint> batch) => false;

    /// <summary>The index of the line named <paramref name="name"/> (made by <see cref="ChartLines"/>, which escapes names), or -1.</summary>
    protected int LineNamed(string name)
    {
        var drawn = PlotlyText.Escape(name);
        return Traces.FindIndex(trace => trace is Scatter line && line.Name == drawn);
    }

    /// <summary>Drops queued and drawn points, applies <paramref name="reset"/> to the chart's state, and redraws it empty.</summary>
    protected async Task RestartAsync(Action reset)
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        var cancellationToken = _disposed.Token;
        await _drawing.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                _pending.Clear();
            }
            Plotted = 0;
            reset();
            RebuildTraces();
            if (Chart is not null)
            {
                await RedrawAsync(cancellationToken);
            }
            StateHasChanged();
        }
        finally
        {
            _drawing.Release();
        }
    }

    /// <summary>Takes the subclass's layout anew (a changed title) and redraws, keeping every point.</summary>
    protected async Task RelayoutAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        var cancellationToken = _disposed.Token;
        await _drawing.WaitAsync(cancellationToken);
        try
        {
            ChartLayouts.Pour(CreateLayout(), PlotLayout);
            if (Chart is not null && IsPlotReady)
            {
                await RedrawAsync(cancellationToken);
            }
        }
        finally
        {
            _drawing.Release();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _timer = new PeriodicTimer(FlushInterval);
            _ = FlushLoopAsync(_timer, _disposed.Token);
        }
    }

    private async Task FlushLoopAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(FlushAsync);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or JSDisconnectedException)
        {
            // Disposed, or the circuit is gone: nothing is left to draw on.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task DrawAsync(TPoint[] batch, CancellationToken cancellationToken)
    {
        var restructured = Restructure(batch);
        var traces = batch.SelectMany(Map).GroupBy(p => p.Trace).ToList();
        if (restructured || _redrawDue)
        {
            AppendToOwnTraces(traces);
            await RedrawAsync(cancellationToken);
        }
        else if (traces.Count > 0)
        {
            try
            {
                // Plotly.Blazor adds the points to our traces too, before it calls plotly.
                await Chart!.ExtendTraces(
                    traces.Select(t => t.Select(p => p.X).ToArray()),
                    traces.Select(t => t.Select(p => p.Y).ToArray()),
                    traces.Select(t => t.Key).ToArray(),
                    cancellationToken: cancellationToken);
            }
            catch (JSException)
            {
                await RedrawAsync(cancellationToken);
            }
        }
        Plotted += batch.Length;
        StateHasChanged();
    }

    private void AppendToOwnTraces(IEnumerable<IGrouping<int, TracePoint>> traces)
    {
        foreach (var trace in traces)
        {
            var scatter = Traces[trace.Key] as Scatter
                ?? throw new InvalidOperationException($"Trace {trace.Key} of chart '{Id}' is streamed into but is not a scatter trace.");
            foreach (var point in trace)
            {
                scatter.X.Add(point.X);
                scatter.Y.Add(point.Y);
            }
        }
    }

    private async Task RedrawAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Chart!.React(cancellationToken);
            _redrawDue = false;
        }
        catch (JSException)
        {
            // Our traces still hold every point: the next batch redraws them all.
            _redrawDue = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        await _disposed.CancelAsync();
        GC.SuppressFinalize(this);
    }
}
