using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Tests.Store;

/// <summary>A fresh folder under the temp directory, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlintro-store-" + Guid.NewGuid().ToString("N"))).FullName;

    public string DatabaseFile => System.IO.Path.Combine(Path, "experiments.db");

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Reads a file with a connection of its own (the default VFS, no pooling), as an outside tool would.</summary>
internal static class SqliteFile
{
    public static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>A test with a guard against hangs: xunit 2 has no per-test token, so a stuck database call fails the test instead.</summary>
public abstract class GuardedStoreTest : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    protected CancellationToken Ct => _timeout.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timeout.Dispose();
        }
    }
}

/// <summary>A test on a store file of its own: a fresh folder and the guard against hangs, both released after.</summary>
public abstract class TempStoreTest : GuardedStoreTest
{
    internal TempFolder Folder { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Folder.Dispose();
        }
    }
}

/// <summary>A clock that stands still until moved.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>A service provider over one database, like the app's: disposing it and building another is a restart.</summary>
internal sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreHost(ServiceProvider services) => _services = services;

    public IExperimentStore Store => _services.GetRequiredService<IExperimentStore>();

    public IServiceProvider Services => _services;

    public static Task<StoreHost> OpenAsync(string databaseFile, TimeProvider clock, CancellationToken cancellationToken) =>
        OpenAsync(o => o.UseSqlite($"Data Source={databaseFile}"), clock, cancellationToken);

    public static async Task<StoreHost> OpenAsync(Action<DbContextOptionsBuilder> provider, TimeProvider clock, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddDbContextFactory<ExperimentDbContext>(provider)
            .AddSingleton(clock)
            .AddSingleton<IExperimentStore, EfExperimentStore>()
            .BuildServiceProvider();
        await services.InitializeExperimentStoreAsync(cancellationToken);
        return new StoreHost(services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

internal static class Samples
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    public static ExperimentDefinition Definition(string data = "spiral") => new(
        Lesson.Optimizers,
        new DataSpec(data, Points: 300, Noise: 0.15, TrainFraction: 0.7, Features: ["x1", "x2", "x1x2"]),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2, Dropout: 0.25)], Activation.ReLU, Regularization.L2, 0.003),
        new OptimizerSpec(OptimizerKind.Adam, 0.03, new Dictionary<string, double> { ["beta1"] = 0.85, ["epsilon"] = 1e-8 }),
        new TrainingSpec(Epochs: 40, BatchSize: 10, EarlyStopping: true, Patience: 5),
        Seed: 42);

    public static TrainingEvent Status(long sequence, ExperimentStatus status, string? message = null) =>
        new(sequence, TrainingEventKind.Status, status, Message: message);

    public static TrainingEvent Epoch(long sequence, int epoch, double trainLoss, double testLoss) =>
        new(sequence, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: new EpochMetrics(epoch, trainLoss, testLoss));
}
