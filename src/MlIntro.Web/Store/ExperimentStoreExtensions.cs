using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Store;

public static class ExperimentStoreExtensions
{
    /// <summary>Used when <c>ConnectionStrings:Experiments</c> is not set; relative to the content root.</summary>
    public const string DefaultConnectionString = "Data Source=data/mlintro.db";

    /// <summary>
    /// Registers <see cref="IExperimentStore"/> (singleton), <see cref="ExperimentDbContext"/>'s factory and a hosted
    /// service that creates the schema and fails runs left unfinished by a previous process at start, and checkpoints
    /// the WAL journal into the database file at stop.
    /// Reads <c>ExperimentStore:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
    /// <c>ConnectionStrings:Experiments</c>; a relative SQLite file is placed under the content root.
    /// </summary>
    public static IHostApplicationBuilder AddExperimentStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var provider = builder.Configuration["ExperimentStore:Provider"] is { Length: > 0 } configured ? configured : "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Experiments") is { Length: > 0 } given
            ? given
            : DefaultConnectionString;

        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = SqliteDataSource.WithProcessLock(
                    SqliteDataSource.ResolveAgainst(connectionString, builder.Environment.ContentRootPath));
                builder.Services.AddDbContextFactory<ExperimentDbContext>(options => options.UseSqlite(sqlite));
                break;
            case "POSTGRESQL":
                // No default: a cluster's store is a server the operator names, never a guess.
                var postgres = builder.Configuration.GetConnectionString("Experiments") is { Length: > 0 } named
                    ? named
                    : throw new InvalidOperationException(
                        "ExperimentStore:Provider is PostgreSQL but ConnectionStrings:Experiments is empty; set it to the server's connection string (Host=...;Database=...;Username=...).");
                builder.Services.AddDbContextFactory<ExperimentDbContext>(options => options.UseNpgsql(postgres));
                break;
            default:
                throw new InvalidOperationException($"ExperimentStore:Provider '{provider}' is not supported; use Sqlite or PostgreSQL.");
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IExperimentStore, EfExperimentStore>();
        builder.Services.AddHostedService<ExperimentStoreStartup>();
        builder.AddExperimentRetention();
        builder.Services.AddHostedService<Hosting.StoreWarmUp>(); // hosted services start in order: after the schema
        return builder;
    }
}
