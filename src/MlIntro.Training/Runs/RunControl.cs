using System.Collections.Concurrent;
using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>
/// Play, pause, single-step and weight edits for interactive runs (the Playground); the trainer asks before each epoch.
/// </summary>
public sealed class RunControl : IDisposable
{
    private readonly ManualResetEventSlim _running = new(initialState: true);
    private readonly ConcurrentQueue<WeightEdit> _edits = new();
    private readonly AutoResetEvent _edited = new(initialState: false);
    private int _stepsAllowed = -1; // -1: free running

    public bool IsPaused => !_running.IsSet;

    public void Pause()
    {
        Interlocked.Exchange(ref _stepsAllowed, 0);
        _running.Reset();
    }

    public void Resume()
    {
        Interlocked.Exchange(ref _stepsAllowed, -1);
        _running.Set();
    }

    /// <summary>Lets a paused run train exactly one more epoch, then pause again.</summary>
    public void Step()
    {
        Interlocked.Exchange(ref _stepsAllowed, 1);
        _running.Set();
    }

    /// <summary>Queues a weight edit for the trainer (validated by the caller); a paused trainer applies it at once.</summary>
    public void Edit(WeightEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        _edits.Enqueue(edit);
        _edited.Set();
    }

    /// <summary>The edits queued since the last call, oldest first.</summary>
    public IReadOnlyList<WeightEdit> TakeEdits()
    {
        var taken = new List<WeightEdit>();
        while (_edits.TryDequeue(out var edit))
        {
            taken.Add(edit);
        }
        return taken;
    }

    /// <summary>Blocks the trainer thread while paused; throws when the run is cancelled.</summary>
    /// <param name="edited">Called on the trainer thread for edits that arrive while it waits (and before it returns).</param>
    public void WaitForTurn(CancellationToken cancellationToken, Action? edited = null)
    {
        while (edited is not null && !_running.IsSet)
        {
            WaitHandle.WaitAny([_running.WaitHandle, _edited, cancellationToken.WaitHandle]);
            cancellationToken.ThrowIfCancellationRequested();
            edited();
        }
        _running.Wait(cancellationToken);
        edited?.Invoke();
        if (Volatile.Read(ref _stepsAllowed) > 0 && Interlocked.Decrement(ref _stepsAllowed) == 0)
        {
            _running.Reset();
        }
    }

    /// <summary>
    /// <see cref="WaitForTurn"/> without blocking, for a trainer that serves many runs on one thread: true when the
    /// run may train one epoch now (a single step is used up), false while it is paused.
    /// </summary>
    public bool TryTakeTurn()
    {
        if (!_running.IsSet)
        {
            return false;
        }
        if (Volatile.Read(ref _stepsAllowed) > 0 && Interlocked.Decrement(ref _stepsAllowed) == 0)
        {
            _running.Reset();
        }
        return true;
    }

    public void Dispose()
    {
        _running.Dispose();
        _edited.Dispose();
    }
}
