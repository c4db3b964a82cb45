using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;

namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>
/// The real app in memory: a temp SQLite file, one torch thread per run, and the deterministic <see cref="TestBlobsSource"/>
/// in the data catalog. Pass the same <see cref="TestDatabase"/> to a second instance to simulate a restart.
/// </summary>
public sealed class MlIntroAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <summary>A fresh database of its own, deleted with the factory.</summary>
    public MlIntroAppFactory()
        : this(new TestDatabase(), ownsDatabase: true, new Dictionary<string, string>(), null)
    {
    }

    /// <summary>
    /// A database the caller owns (and may hand to a later instance), extra settings such as "Training:MaxRunsPerOwner",
    /// and service changes applied after the app's own registrations.
    /// </summary>
    public MlIntroAppFactory(
        TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? configureServices = null)
        : this(database, ownsDatabase: false, settings ?? new Dictionary<string, string>(), configureServices)
    {
    }

    private MlIntroAppFactory(
        TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings;
        _configureServices = configureServices;
    }

    public TestDatabase Database => _database;

    /// <summary>A started SignalR client on <see cref="TrainingHub.Path"/>, speaking the app's JSON conventions.</summary>
    public async Task<HubConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, TrainingHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Experiments", _database.ConnectionString);
        builder.UseSetting("Training:ThreadsPerRun", "1");
        // The tests open many connections from one address; the rate-limit tests turn the limits on again.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IDatasetSource, TestBlobsSource>();
            _configureServices?.Invoke(services);
        });
    }
}
