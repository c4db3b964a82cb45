using Microsoft.Data.Sqlite;

namespace MlIntro.Web.Tests.Store;

/// <summary>The store's contract on the embedded default: a SQLite file of the test's own.</summary>
public sealed class SqliteExperimentStoreTests : ExperimentStoreContractTests
{
    private readonly TempFolder _folder = new();

    internal override Task<StoreHost> OpenAsync(TimeProvider clock) => StoreHost.OpenAsync(_folder.DatabaseFile, clock, Ct);

    protected override void ReleaseConnections() => SqliteConnection.ClearAllPools();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
