using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using Orleans.Serialization;

namespace MlIntro.Web.Cluster;

internal static class ClusterSerialization
{
    /// <summary>
    /// Definitions, events and owners cross silos as the same JSON the hub and the store use: Core stays free of
    /// Orleans attributes, and a record's shape has one serialized form everywhere.
    /// </summary>
    public static IServiceCollection AddMlIntroSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            // Exceptions keep Orleans' own codec (message and type survive; JSON cannot write their TargetSite).
            isSupported: type => !typeof(Exception).IsAssignableFrom(type)
                && (type.Namespace?.StartsWith("MlIntro.Core", StringComparison.Ordinal) == true || type == typeof(RunOwner)),
            jsonSerializerOptions: ExperimentJson.Options));
}
