using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace MlIntro.Web.Cluster;

/// <summary>
/// Where a run's grain goes among the workers: heavy runs that train a network with torch (a network of its own thread,
/// <see cref="Training.Runs.RunWeight"/>) to a CUDA worker when the cluster has one; light ones (the stacked Playground,
/// surface races) and boosted trees (heavy, but LightGBM trains on the CPU) to a CPU worker when it has one, so that a GPU
/// is not filled with runs it would not speed up. Each silo publishes its device as silo metadata.
/// </summary>
[GenerateSerializer, Immutable, Alias("MlIntro.DevicePlacement")]
public sealed class DevicePlacement : PlacementStrategy
{
    /// <summary>Silo metadata: the worker's training device (<c>cuda</c> or <c>cpu</c>); absent on front ends.</summary>
    public const string DeviceKey = "mlintro.device";

    /// <summary>Request context of a run's first call: true when the run would use a GPU (<see cref="PrefersCuda"/>).</summary>
    public const string CudaKey = "mlintro.cuda";

    public static DevicePlacement Instance { get; } = new();

    /// <summary>
    /// True for heavy runs whose training a GPU speeds up: networks and studies of networks. Boosted trees (a run or a
    /// study of them) are heavy too, but LightGBM trains on the CPU whatever the worker has.
    /// </summary>
    public static bool PrefersCuda(ExperimentDefinition definition, double stackedMaxEpochCost)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.BoostedTrees is null && RunExecutorSelector.WeightOf(definition, stackedMaxEpochCost) == RunWeight.Heavy;
    }
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DevicePlacementAttribute : PlacementAttribute
{
    public DevicePlacementAttribute()
        : base(DevicePlacement.Instance)
    {
    }
}

internal sealed class DevicePlacementDirector(ISiloMetadataCache metadata) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only workers host the run grain (WorkerGrainsOnly), so these are the workers.
        var workers = context.GetCompatibleSilos(target);
        var cuda = target.RequestContextData?.TryGetValue(DevicePlacement.CudaKey, out var value) == true && value is true;
        var preferred = workers.Where(s => IsCuda(s) == cuda).ToArray();
        var pool = preferred.Length > 0 ? preferred : workers;
        return Task.FromResult(pool[Random.Shared.Next(pool.Length)]);
    }

    private bool IsCuda(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(DevicePlacement.DeviceKey, out var device) && device == "cuda";
}
