using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlIntro.Web.Cluster;
using MlIntro.Web.Hosting;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Infrastructure;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>
/// An Orleans cluster in this process: silo 0 a front end only, silos 1 and 2 training workers, all on one PostgreSQL
/// store (the cluster's shape), and a client as a second front end.
/// </summary>
public sealed class TrainingCluster : IAsyncDisposable
{
    private TrainingCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public InProcessSiloHandle FrontEnd => Cluster.Silos.Single(s => s.SiloAddress.ToString() == FrontEndAddress);

    public string FrontEndAddress { get; private set; } = "";

    public IReadOnlyList<InProcessSiloHandle> Workers => Cluster.Silos.Where(s => s.SiloAddress.ToString() != FrontEndAddress).ToList();

    public static async Task<TrainingCluster> StartAsync(string postgres)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureHost(host => host.Services.AddClusterRoles());
        // Silo 1 says it trains on CUDA (it does not: placement reads only the metadata), silo 2 on the CPU.
        builder.ConfigureSilo((silo, orleans) => orleans.UseSiloMetadata(silo.SiloName[^1] switch
        {
            '1' => new Dictionary<string, string> { [DevicePlacement.DeviceKey] = "cuda" },
            '2' => new Dictionary<string, string> { [DevicePlacement.DeviceKey] = "cpu" },
            _ => [],
        }));
        builder.ConfigureSiloHost((silo, host) =>
        {
            var isFront = silo.SiloName.EndsWith('0');
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:Roles"] = isFront ? "Front" : "Worker",
                ["ExperimentStore:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Experiments"] = postgres,
                ["Training:ThreadsPerRun"] = "1",
            });
            if (!isFront)
            {
                host.AddExperimentStore();
                host.AddTraining();
                host.Services.AddSingleton<MlIntro.Core.Data.IDatasetSource, TestBlobsSource>();
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var handle = new TrainingCluster(cluster);
        handle.FrontEndAddress = cluster.Silos
            .Single(s => s.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloRoles>>().Value is { IsWorker: false })
            .SiloAddress.ToString();
        return handle;
    }

    public static IGrainFactory GrainsOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
