using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MlIntro.Web.Store;

/// <summary>
/// ASP.NET Core's data-protection key ring in the shared PostgreSQL database, so that every front end of a cluster
/// reads the circuits' and cookies' protected payloads that another one wrote (after a reconnect through the balancer).
/// </summary>
public sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Table = "DataProtectionKeys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable(Table);
    }
}
