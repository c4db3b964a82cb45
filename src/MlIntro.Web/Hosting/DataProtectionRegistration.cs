using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MlIntro.Web.Store;

namespace MlIntro.Web.Hosting;

public static class DataProtectionRegistration
{
    /// <summary>
    /// Where data-protection keys live, so that open pages survive a restart: with the PostgreSQL store, in that
    /// database (every front end of a cluster then shares one key ring and can serve any circuit after a reconnect);
    /// otherwise in the folder "DataProtection:KeysDirectory" names (the Docker image puts it on the /data volume);
    /// otherwise the framework's default applies.
    /// </summary>
    public static IHostApplicationBuilder AddPersistentKeys(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (string.Equals(builder.Configuration["ExperimentStore:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            && builder.Configuration.GetConnectionString("Experiments") is { Length: > 0 } postgres)
        {
            // The table is created with the store's at start-up (ExperimentStoreSchema).
            builder.Services.AddDbContext<DataProtectionKeysDbContext>(options => options.UseNpgsql(postgres));
            builder.Services.AddDataProtection().SetApplicationName("MlIntro").PersistKeysToDbContext<DataProtectionKeysDbContext>();
        }
        else if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } folder)
        {
            builder.Services.AddDataProtection().SetApplicationName("MlIntro")
                .PersistKeysToFileSystem(Directory.CreateDirectory(Path.Combine(builder.Environment.ContentRootPath, folder)));
        }
        return builder;
    }
}
