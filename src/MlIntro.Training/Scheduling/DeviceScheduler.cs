using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Scheduling;

/// <summary>
/// Owns all training on one device. Light runs (trained together by the stacked engine) and heavy runs (each on a
/// thread of its own) wait for separate slots, so heavy runs can fill neither the machine's cores nor the light runs'
/// slots: at most <see cref="TrainingOptions.MaxConcurrentRuns"/> runs at once, of which at most
/// <see cref="TrainingOptions.HeavyRunSlots"/> heavy. Each kind waits in a bounded queue served round-robin between
/// owners; quotas per owner and per client address bound what one user (or one machine) can hold.
/// </summary>
/// <param name="weigh">Which slots a run needs; without it every run is light (bounded by MaxConcurrentRuns only).</param>
public sealed class DeviceScheduler(
    IOptions<TrainingOptions> options,
    Func<ExperimentRun, IRunExecutor> executorFor,
    ILogger<DeviceScheduler> logger,
    Func<ExperimentRun, RunWeight>? weigh = null)
{
    private readonly TrainingOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly FairQueue _light = new();
    private readonly FairQueue _heavy = new();
    private readonly Dictionary<ExperimentRun, RunWeight> _admitted = [];
    private readonly Dictionary<string, int> _activePerOwner = [];
    private readonly Dictionary<string, int> _activePerAddress = [];
    private int _reserved;
    private int _running;
    private int _heavyRunning;

    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Runs admitted and not yet training (waiting in a queue, or about to be queued).</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _light.Count + _heavy.Count + _reserved;
            }
        }
    }

    /// <summary>
    /// Takes a run's place in the quotas and the queue without queueing it yet, so that a caller can store it first and
    /// only when it will be accepted; throws <see cref="TrainingRejectedException"/> when the owner, its address or the
    /// server is at its limit. Follow with <see cref="Enqueue"/>, or <see cref="Withdraw"/> when storing fails.
    /// </summary>
    public void Admit(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var weight = weigh?.Invoke(run) ?? RunWeight.Light;
        lock (_gate)
        {
            if (_admitted.ContainsKey(run))
            {
                return;
            }
            var active = _activePerOwner.GetValueOrDefault(run.OwnerId);
            if (active >= _options.MaxRunsPerOwner)
            {
                throw new TrainingRejectedException(
                    $"You already have {active} unfinished runs (the limit is {_options.MaxRunsPerOwner}); cancel one or wait for it to finish.");
            }
            var fromAddress = run.Address is null ? 0 : _activePerAddress.GetValueOrDefault(run.Address);
            if (run.Address is not null && fromAddress >= _options.MaxRunsPerAddress)
            {
                throw new TrainingRejectedException(
                    $"Your network address already has {fromAddress} unfinished runs (the limit is {_options.MaxRunsPerAddress}); wait for some to finish.");
            }
            var queued = _light.Count + _heavy.Count + _reserved;
            if (!HasFreeSlot(weight) && queued >= _options.MaxQueuedRuns)
            {
                throw new TrainingRejectedException($"The server is busy ({_running} runs training, {queued} waiting); try again in a minute.");
            }
            _activePerOwner[run.OwnerId] = active + 1;
            if (run.Address is not null)
            {
                _activePerAddress[run.Address] = fromAddress + 1;
            }
            _admitted[run] = weight;
            _reserved++;
        }
    }

    /// <summary>Gives back the place an admitted run took, when it will not be queued after all.</summary>
    public void Withdraw(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (_admitted.Remove(run))
            {
                _reserved--;
                Release(run);
            }
        }
    }

    /// <summary>Queues a run (admitting it first if <see cref="Admit"/> was not called), or throws <see cref="TrainingRejectedException"/>.</summary>
    public void Enqueue(ExperimentRun run)
    {
        Admit(run);
        lock (_gate)
        {
            if (!_admitted.Remove(run, out var weight))
            {
                return; // withdrawn meanwhile
            }
            _reserved--;
            (weight == RunWeight.Heavy ? _heavy : _light).Enqueue(run);
        }
        run.Events.PublishStatus(ExperimentStatus.Queued);
        Dispatch();
    }

    /// <summary>Removes a run that has not started yet; false when it is already training (cancel its token instead).</summary>
    public bool TryDequeue(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (!_light.Remove(run) && !_heavy.Remove(run))
            {
                return false;
            }
            Release(run);
            return true;
        }
    }

    /// <summary>Whether a run of this weight would find a slot that no queued run is waiting for.</summary>
    private bool HasFreeSlot(RunWeight weight)
    {
        var total = _running + _light.Count + _heavy.Count + _reserved;
        return weight == RunWeight.Light
            ? total < _options.MaxConcurrentRuns
            : total < _options.MaxConcurrentRuns && _heavyRunning + _heavy.Count < _options.HeavyRunSlots;
    }

    private void Dispatch()
    {
        while (true)
        {
            ExperimentRun? next;
            bool heavy;
            lock (_gate)
            {
                if (_running >= _options.MaxConcurrentRuns || !TryTakeNext(out next, out heavy))
                {
                    return;
                }
                _running++;
                _heavyRunning += heavy ? 1 : 0;
            }
            var thread = new Thread(() => RunToEnd(next, heavy)) { IsBackground = true, Name = "train-" + next.Id[..6] };
            thread.Start();
        }
    }

    /// <summary>A heavy run when a heavy slot is free, else a light one: the two kinds never wait for each other.</summary>
    private bool TryTakeNext(out ExperimentRun next, out bool heavy)
    {
        if (_heavyRunning < _options.HeavyRunSlots && _heavy.TryTake(out next))
        {
            heavy = true;
            return true;
        }
        heavy = false;
        return _light.TryTake(out next);
    }

    private void RunToEnd(ExperimentRun run, bool heavy)
    {
        try
        {
            executorFor(run).Execute(run);
        }
#pragma warning disable CA1031 // A bug in one run must not kill the process that trains everyone else.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Run {RunId} crashed", run.Id);
            run.Events.PublishStatus(ExperimentStatus.Failed, "Training crashed: " + ex.Message);
        }
        finally
        {
            if (!run.Events.IsCompleted)
            {
                run.Events.PublishStatus(ExperimentStatus.Failed, "Training ended without a result.");
            }
            lock (_gate)
            {
                _running--;
                _heavyRunning -= heavy ? 1 : 0;
                Release(run);
            }
            Dispatch();
        }
    }

    private void Release(ExperimentRun run)
    {
        if (Decrement(_activePerOwner, run.OwnerId))
        {
            _light.Forget(run.OwnerId);
            _heavy.Forget(run.OwnerId);
        }
        if (run.Address is not null)
        {
            Decrement(_activePerAddress, run.Address);
        }
    }

    /// <summary>Counts one down; true when none is left.</summary>
    private static bool Decrement(Dictionary<string, int> counts, string key)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            return false;
        }
        if (count <= 1)
        {
            counts.Remove(key);
            return true;
        }
        counts[key] = count - 1;
        return false;
    }
}
