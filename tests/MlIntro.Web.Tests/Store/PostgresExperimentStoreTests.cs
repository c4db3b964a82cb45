using Microsoft.EntityFrameworkCore;
using MlIntro.Web.Tests.Infrastructure;
using Npgsql;

namespace MlIntro.Web.Tests.Store;

/// <summary>The store's contract on a real PostgreSQL server (a cluster's shared store), a database per test.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresExperimentStoreTests(PostgresServer server) : ExperimentStoreContractTests
{
    private string? _connectionString;

    internal override async Task<StoreHost> OpenAsync(TimeProvider clock)
    {
        _connectionString ??= await server.CreateDatabaseAsync(Ct);
        return await StoreHost.OpenAsync(o => o.UseNpgsql(_connectionString), clock, Ct);
    }

    protected override void ReleaseConnections() => NpgsqlConnection.ClearAllPools();
}
