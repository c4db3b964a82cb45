using Microsoft.Extensions.Options;

namespace MlIntro.Web.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// Makes this process a silo with the roles <c>Cluster:Roles</c> names. Without <c>Cluster:Clustering</c> it is a
    /// cluster of one on localhost (the embedded default).
    /// </summary>
    public static IHostApplicationBuilder AddClusterSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddClusterRoles();
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        return builder;
    }

    /// <summary>The roles and what they imply for the silo's grains, and how MlIntro's records cross silos.</summary>
    public static IServiceCollection AddClusterRoles(this IServiceCollection services)
    {
        services.AddOptions<SiloRoles>().BindConfiguration(SiloRoles.Section)
            .Validate(r => r.IsFront || r.IsWorker, "Cluster:Roles must name Front, Worker or both.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<Orleans.Configuration.GrainTypeOptions>, WorkerGrainsOnly>();
        services.AddMlIntroSerialization();
        return services;
    }
}
