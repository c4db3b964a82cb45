using System.Buffers.Text;
using System.Security.Cryptography;

namespace MlIntro.Core.Data.Sources;

/// <summary>An uploaded table as the registry keeps it.</summary>
public sealed record UploadedDataset(string Id, TabularData Data, IReadOnlyList<string> ClassNames, string FileName);

/// <summary>
/// Uploaded tables held in memory under unguessable ids (16 random bytes, base64url), served as "upload:{id}".
/// A page that uses a table holds it (<see cref="Hold"/>); a held table is freed as soon as its last holder lets go,
/// which ends its page's runs too. Tables nobody ever held stay until <paramref name="capacity"/> newer ones push them
/// out (oldest first); held tables are pushed out only when every table is held.
/// </summary>
public sealed class UploadRegistry(int capacity = 64)
{
    public const string Prefix = "upload:";

    private readonly Dictionary<string, Entry> _tables = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>How many tables the registry keeps before the oldest unheld one goes.</summary>
    public int Capacity => capacity;

    /// <summary>Tables in memory now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tables.Count;
            }
        }
    }

    /// <summary>Stores the table and returns its id; its catalog name is <c>"upload:" + id</c>.</summary>
    public string Add(TabularData data, IReadOnlyList<string> classNames, string fileName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(classNames);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            _tables[id] = new Entry(new UploadedDataset(id, data, classNames, Path.GetFileName(fileName)), _order.AddLast(id));
            while (_tables.Count > capacity)
            {
                var oldest = FirstUnheld() ?? _order.First!;
                Remove(oldest.Value);
            }
        }
        return id;
    }

    /// <summary>
    /// Keeps the table in memory until the returned handle is disposed; when the last handle goes, the table goes.
    /// Returns null when the table is not here (any more).
    /// </summary>
    public IDisposable? Hold(string id)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(id, out var entry))
            {
                return null;
            }
            entry.Holders++;
            return new Holding(this, id);
        }
    }

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out UploadedDataset? dataset)
    {
        lock (_gate)
        {
            dataset = _tables.TryGetValue(id, out var entry) ? entry.Dataset : null;
            return dataset is not null;
        }
    }

    /// <summary>The id in a catalog name "upload:{id}", or null for other names.</summary>
    public static string? IdOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : null;

    private void Release(string id)
    {
        lock (_gate)
        {
            if (_tables.TryGetValue(id, out var entry) && --entry.Holders == 0)
            {
                Remove(id);
            }
        }
    }

    private LinkedListNode<string>? FirstUnheld()
    {
        for (var node = _order.First; node is not null; node = node.Next)
        {
            if (_tables[node.Value].Holders == 0)
            {
                return node;
            }
        }
        return null;
    }

    private void Remove(string id)
    {
        if (_tables.Remove(id, out var entry))
        {
            _order.Remove(entry.Node);
        }
    }

    private sealed class Entry(UploadedDataset dataset, LinkedListNode<string> node)
    {
        public UploadedDataset Dataset { get; } = dataset;

        public LinkedListNode<string> Node { get; } = node;

        public int Holders { get; set; }
    }

    private sealed class Holding(UploadRegistry registry, string id) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                registry.Release(id);
            }
        }
    }
}
