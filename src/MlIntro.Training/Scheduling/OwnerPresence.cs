namespace MlIntro.Training.Scheduling;

/// <summary>
/// Which owners have a live connection (a hub client, a page's circuit) and since when the others have none, so that
/// runs nobody can watch or stop any more are ended after <see cref="TrainingOptions.OrphanedRunLifetime"/>.
/// </summary>
public sealed class OwnerPresence(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _connections = [];
    private readonly Dictionary<string, DateTimeOffset> _leftAt = [];

    /// <summary>Counts a connection of <paramref name="ownerId"/> until the returned handle is disposed.</summary>
    public IDisposable Enter(string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        lock (_gate)
        {
            _connections[ownerId] = _connections.GetValueOrDefault(ownerId) + 1;
            _leftAt.Remove(ownerId);
        }
        return new Connection(this, ownerId);
    }

    /// <summary>Null while the owner has a live connection; when its last one closed; <see cref="DateTimeOffset.MinValue"/>
    /// for an owner never seen (an in-process caller, or one from before a restart).</summary>
    public DateTimeOffset? AbsentSince(string ownerId)
    {
        lock (_gate)
        {
            return _connections.ContainsKey(ownerId) ? null : _leftAt.GetValueOrDefault(ownerId, DateTimeOffset.MinValue);
        }
    }

    /// <summary>Drops the departure times of owners without unfinished runs: hub connections come and go by the thousand.</summary>
    public void ForgetAllBut(IReadOnlySet<string> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        lock (_gate)
        {
            foreach (var owner in _leftAt.Keys.Where(o => !owners.Contains(o)).ToList())
            {
                _leftAt.Remove(owner);
            }
        }
    }

    private void Leave(string ownerId)
    {
        lock (_gate)
        {
            var count = _connections.GetValueOrDefault(ownerId);
            if (count > 1)
            {
                _connections[ownerId] = count - 1;
            }
            else if (_connections.Remove(ownerId))
            {
                _leftAt[ownerId] = time.GetUtcNow();
            }
        }
    }

    private sealed class Connection(OwnerPresence presence, string ownerId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                presence.Leave(ownerId);
            }
        }
    }
}
