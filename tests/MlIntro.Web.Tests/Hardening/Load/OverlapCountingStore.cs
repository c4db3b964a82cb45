using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Tests.Hardening.Load;

/// <summary>
/// The app's store, with every write taking a little longer (as SQLite's does under load) and a count of how many
/// writes were in flight at once. SQLite takes one writer at a time: a second concurrent write waits in busy retries.
/// </summary>
internal sealed class OverlapCountingStore(EfExperimentStore inner, TimeSpan writeTime) : IExperimentStore
{
    private int _inFlight;
    private int _mostAtOnce;
    private int _creates;

    public int MostWritesAtOnce => Volatile.Read(ref _mostAtOnce);

    public int Creates => Volatile.Read(ref _creates);

    /// <summary>Replaces the registered store; resolve <see cref="OverlapCountingStore"/> to read the counts.</summary>
    public static void Install(IServiceCollection services, TimeSpan writeTime)
    {
        services.AddSingleton<EfExperimentStore>();
        services.AddSingleton(sp => new OverlapCountingStore(sp.GetRequiredService<EfExperimentStore>(), writeTime));
        services.AddSingleton<IExperimentStore>(sp => sp.GetRequiredService<OverlapCountingStore>());
    }

    public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            await inner.CreateAsync(id, definition, ownerId, createdAt, cancellationToken);
            Interlocked.Increment(ref _creates);
        });

    public Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken) =>
        WriteAsync(() => inner.AppendAsync(id, events, cancellationToken));

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken) => inner.EventsAsync(id, cancellationToken);

    public Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken) => inner.RecentAsync(count, cancellationToken);

    public Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FailUnfinishedAsync(message, now, cancellationToken);

    private async Task WriteAsync(Func<Task> write)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int most;
        do
        {
            most = Volatile.Read(ref _mostAtOnce);
        }
        while (now > most && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most);
        try
        {
            await Task.Delay(writeTime);
            await write();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
