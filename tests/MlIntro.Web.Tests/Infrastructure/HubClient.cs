using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>The hub's methods as typed calls, and helpers to read a run's stream.</summary>
internal static class HubClient
{
    /// <summary>A started client of the hub at <paramref name="app"/>'s real port (WebSockets), speaking the app's JSON conventions.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri app, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app, MlIntro.Web.Hubs.TrainingHub.Path))
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    public static Task<string> StartRunAsync(this HubConnection connection, ExperimentDefinition definition, CancellationToken cancellationToken) =>
        connection.InvokeAsync<string>("Start", definition, cancellationToken);

    public static Task<bool> CancelRunAsync(this HubConnection connection, string id, CancellationToken cancellationToken) =>
        connection.InvokeAsync<bool>("Cancel", id, cancellationToken);

    public static IAsyncEnumerable<TrainingEvent> WatchRun(this HubConnection connection, string id, CancellationToken cancellationToken) =>
        connection.StreamAsync<TrainingEvent>("Watch", id, cancellationToken);

    /// <summary>Every event of the stream until the server ends it (the run's terminal status).</summary>
    public static async Task<List<TrainingEvent>> WatchToEndAsync(this HubConnection connection, string id, CancellationToken cancellationToken)
    {
        var events = new List<TrainingEvent>();
        await foreach (var e in connection.WatchRun(id, cancellationToken))
        {
            events.Add(e);
        }
        return events;
    }

    public static List<EpochMetrics> EpochMetrics(this IEnumerable<TrainingEvent> events) =>
        events.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Metrics!).ToList();

    /// <summary>A guard for one test: a hang fails the test after <paramref name="seconds"/> instead of blocking the run.</summary>
    public static CancellationTokenSource Timeout(int seconds = 60) => new(TimeSpan.FromSeconds(seconds));
}
