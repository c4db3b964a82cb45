using MlIntro.Training.Runs;

namespace MlIntro.Training.Scheduling;

/// <summary>
/// Runs waiting for one kind of slot, served round-robin between owners: the owner served least recently goes next
/// (owners not served yet first, in arrival order). Not thread-safe: the scheduler calls it under its lock.
/// </summary>
internal sealed class FairQueue
{
    private readonly Dictionary<string, Queue<ExperimentRun>> _waiting = [];
    private readonly LinkedList<string> _ownerTurns = new();
    private readonly Dictionary<string, long> _lastServed = [];
    private long _served;

    public int Count { get; private set; }

    public void Enqueue(ExperimentRun run)
    {
        if (!_waiting.TryGetValue(run.OwnerId, out var queue))
        {
            _waiting[run.OwnerId] = queue = new Queue<ExperimentRun>();
            _ownerTurns.AddLast(run.OwnerId);
        }
        queue.Enqueue(run);
        Count++;
    }

    public bool Remove(ExperimentRun run)
    {
        if (!_waiting.TryGetValue(run.OwnerId, out var queue) || !queue.Contains(run))
        {
            return false;
        }
        var rest = queue.Where(r => r != run).ToArray();
        queue.Clear();
        foreach (var r in rest)
        {
            queue.Enqueue(r);
        }
        Count--;
        return true;
    }

    /// <summary>
    /// Takes the next run in turn. A plain turn list is not enough: an owner whose queue ran empty when its run started
    /// loses its place, and queueing again would put it ahead of owners who queued later but have not had a run yet.
    /// </summary>
    public bool TryTake(out ExperimentRun next)
    {
        LinkedListNode<string>? chosen = null;
        for (var node = _ownerTurns.First; node is not null;)
        {
            var following = node.Next;
            if (_waiting[node.Value].Count == 0)
            {
                _waiting.Remove(node.Value);
                _ownerTurns.Remove(node);
            }
            else if (chosen is null || _lastServed.GetValueOrDefault(node.Value) < _lastServed.GetValueOrDefault(chosen.Value))
            {
                chosen = node;
            }
            node = following;
        }
        if (chosen is null)
        {
            next = null!;
            return false;
        }
        var owner = chosen.Value;
        var queue = _waiting[owner];
        next = queue.Dequeue();
        Count--;
        _lastServed[owner] = ++_served;
        _ownerTurns.Remove(chosen);
        if (queue.Count > 0)
        {
            _ownerTurns.AddLast(chosen); // back of the line: fair turns between owners
        }
        else
        {
            _waiting.Remove(owner);
        }
        return true;
    }

    /// <summary>An owner with no unfinished run left starts afresh next time.</summary>
    public void Forget(string owner) => _lastServed.Remove(owner);
}
