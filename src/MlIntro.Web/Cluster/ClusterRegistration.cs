using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using MlIntro.Training;
using MlIntro.Web.Store;

namespace MlIntro.Web.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// With <c>Cluster:Clustering=Redis</c> makes this process a silo of a cluster with the roles <c>Cluster:Roles</c>
    /// names: pages and the hub reach runs through <see cref="GrainTrainingRuns"/>, and workers train them in their own
    /// <see cref="TrainingService"/>. Without it (the embedded default) nothing changes: one process, no Orleans.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(SiloRoles.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var roles = builder.Configuration.GetSection(SiloRoles.Section).Get<SiloRoles>() ?? new SiloRoles();
        if (settings.Clustering == ClusteringKind.None)
        {
            return roles is { IsFront: true, IsWorker: true }
                ? builder
                : throw new InvalidOperationException(
                    "Cluster:Roles names one role only, but Cluster:Clustering is None: a front end or a worker alone needs a cluster (Cluster:Clustering=Redis).");
        }
        if (!string.Equals(builder.Configuration["ExperimentStore:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Cluster:Clustering is Redis but the experiment store is not shared: set ExperimentStore:Provider=PostgreSQL and ConnectionStrings:Experiments.");
        }
        var redis = builder.Configuration.GetConnectionString("Cluster") is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException("Cluster:Clustering is Redis but ConnectionStrings:Cluster is empty; set it to the Redis server (host:port).");

        builder.Services.AddClusterRoles();
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(redis);
            silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, "mlintro"));
            silo.ConfigureEndpoints(settings.Advertised(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseSiloMetadata(roles.IsWorker ? new Dictionary<string, string> { [DevicePlacement.DeviceKey] = WorkerDevice(builder.Configuration) } : []);
        });
        builder.Services.AddSingleton<ClusterOwnerQuota>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITrainingRuns, GrainTrainingRuns>());
        builder.Services.PostConfigure<TrainingOptions>(options =>
        {
            // Owners connect to front ends, not to the worker that trains their run, so a worker cannot tell an orphan
            // from a run whose owner is watching: its runs end at Training:MaxRunDuration instead.
            options.OrphanedRunLifetime = options.MaxRunDuration;
            // An interrupted study is resumed by its grain on a live worker, not by whichever process starts first.
            options.ResumeInterruptedStudies = false;
        });
        // Other workers' runs are live: a starting process must not fail them. A dead worker's runs are found by the janitor.
        builder.Services.Configure<ExperimentStoreStartupOptions>(o => o.FailUnfinishedAtStart = false);
        if (roles.IsWorker)
        {
            builder.Services.AddHostedService<OrphanJanitor>();
        }
        return builder;
    }

    /// <summary>What this worker trains on, as placement reads it: <c>cuda</c> or <c>cpu</c>.</summary>
    private static string WorkerDevice(IConfiguration configuration) =>
        MlIntro.Training.Runtime.TorchRuntime.ResolveDevice(configuration["Training:Device"] ?? "auto").type == TorchSharp.DeviceType.CUDA ? "cuda" : "cpu";

    /// <summary>The roles and what they imply for the silo's grains, and how MlIntro's records cross silos.</summary>
    public static IServiceCollection AddClusterRoles(this IServiceCollection services)
    {
        services.AddOptions<SiloRoles>().BindConfiguration(SiloRoles.Section)
            .Validate(r => r.IsFront || r.IsWorker, "Cluster:Roles must name Front, Worker or both.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<Orleans.Configuration.GrainTypeOptions>, WorkerGrainsOnly>();
        services.AddPlacementDirector<DevicePlacement, DevicePlacementDirector>();
        services.AddMlIntroSerialization();
        return services;
    }
}
