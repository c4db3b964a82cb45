using Microsoft.EntityFrameworkCore;

namespace MlIntro.Web.Store;

/// <summary>
/// Experiments and their event streams. Used through <see cref="IDbContextFactory{TContext}"/>, one context per
/// operation: Blazor circuits live long, and a long-lived context would grow and go stale.
/// </summary>
public sealed class ExperimentDbContext(DbContextOptions<ExperimentDbContext> options) : DbContext(options)
{
    public DbSet<ExperimentEntity> Experiments => Set<ExperimentEntity>();

    public DbSet<ExperimentEventEntity> Events => Set<ExperimentEventEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Also applies to DateTimeOffset? columns.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<ExperimentEntity>(experiment =>
        {
            experiment.ToTable("Experiments");
            experiment.HasKey(e => e.Id);
            // Enums as names: the file stays readable with the sqlite3 shell, and reordering an enum cannot corrupt it.
            experiment.Property(e => e.Lesson).HasConversion<string>();
            experiment.Property(e => e.Status).HasConversion<string>();
            experiment.HasIndex(e => e.CreatedAt);
            experiment.HasIndex(e => e.OwnerId);
            experiment.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ExperimentEventEntity>(experimentEvent =>
        {
            experimentEvent.ToTable("ExperimentEvents");
            // The key's index leads with ExperimentId, so it also serves "all events of one experiment";
            // a separate ExperimentId index would only slow down appends.
            experimentEvent.HasKey(e => new { e.ExperimentId, e.Sequence });
            experimentEvent.Property(e => e.Kind).HasConversion<string>();
        });
    }
}
