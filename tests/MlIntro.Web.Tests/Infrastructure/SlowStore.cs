using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>The app's store on a slow disk: every append waits first, so the recorder still has writes pending when a run ends.</summary>
internal sealed class SlowStore(EfExperimentStore inner, TimeSpan delay) : IExperimentStore
{
    /// <summary>Replaces the registered store with a slow wrapper around it.</summary>
    public static void Install(IServiceCollection services, TimeSpan delay)
    {
        services.AddSingleton<EfExperimentStore>();
        services.AddSingleton<IExperimentStore>(sp => new SlowStore(sp.GetRequiredService<EfExperimentStore>(), delay));
    }

    public async Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await inner.AppendAsync(id, events, cancellationToken);
    }

    public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        inner.CreateAsync(id, definition, ownerId, createdAt, cancellationToken);

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken) => inner.EventsAsync(id, cancellationToken);

    public Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken) => inner.RecentAsync(count, cancellationToken);

    public Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FailUnfinishedAsync(message, now, cancellationToken);
}
