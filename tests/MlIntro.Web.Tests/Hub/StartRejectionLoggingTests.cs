using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

/// <summary>
/// A refused Start is the client's mistake: logged at Information with its reason, never as a warning or error;
/// a real failure behind the hub is still logged as an error.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StartRejectionLoggingTests
{
    [Fact]
    public async Task Start_UnreadableAndInvalidDefinitions_AreLoggedAtInformationOnly()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        var logs = new CapturingLoggerProvider();
        await using var factory = new MlIntroAppFactory(database, configureServices: services => logs.Install(services));
        await using var client = await factory.ConnectAsync(timeout.Token);
        using var unreadable = JsonDocument.Parse("""{ "lesson": "Playground", "optimizer": { "kind": "Foo", "learningRate": 0.1 } }""");
        var invalid = Definitions.SmallMlp() with { Optimizer = new(OptimizerKind.GD, -1) };

        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<string>("Start", unreadable.RootElement, timeout.Token));
        await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(invalid, timeout.Token));

        var refusals = logs.Entries.Where(e => e.Message.Contains("Invalid experiment", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, e => e.Level == LogLevel.Information && e.Message.Contains("Optimizer.Kind", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Level == LogLevel.Information && e.Message.Contains("Optimizer.LearningRate", StringComparison.Ordinal));
        Assert.All(refusals, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("Start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_StoreFails_IsLoggedAsAnErrorNamingTheMethod()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        var logs = new CapturingLoggerProvider();
        await using var factory = new MlIntroAppFactory(database, configureServices: services =>
        {
            logs.Install(services);
            services.AddSingleton<EfExperimentStore>();
            services.AddSingleton<IExperimentStore>(sp => new UnwritableStore(sp.GetRequiredService<EfExperimentStore>()));
        });
        await using var client = await factory.ConnectAsync(timeout.Token);

        await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(Definitions.SmallMlp(), timeout.Token));

        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(typeof(HubFailureLog).FullName, error.Category);
        Assert.Contains("Hub method Start failed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The app's store on a full disk: creating a run fails.</summary>
    private sealed class UnwritableStore(EfExperimentStore inner) : IExperimentStore
    {
        public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device.");

        public Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken) =>
            inner.AppendAsync(id, events, cancellationToken);

        public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken) => inner.EventsAsync(id, cancellationToken);

        public Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken) => inner.RecentAsync(count, cancellationToken);

        public Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.FailUnfinishedAsync(message, now, cancellationToken);
    }
}
