using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;

namespace MlIntro.Web.Hosting;

public static class HubRegistration
{
    /// <summary>Category of SignalR's "Failed to invoke hub method" (Error, for refusals too); <see cref="HubFailureLog"/> replaces it.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>SignalR for <see cref="TrainingHub"/>: MlIntro's JSON, failure logging that tells refusals from failures.</summary>
    public static IHostApplicationBuilder AddTrainingHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
            {
                // Blazor's circuits (uploads' chunks) share these global options; the training hub has its own size below.
                o.MaximumReceiveMessageSize = 1024 * 1024;
                o.AddFilter<HubFailureLog>();
                o.AddFilter<StartRateLimit>();
            })
            // Definitions are refused above 16 KB; 64 KB leaves room for the JSON protocol's framing and escapes, and
            // a larger message is refused before it is read into memory.
            .AddHubOptions<TrainingHub>(o => o.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions));
        builder.Logging.AddFilter(DispatcherCategory, LogLevel.Critical);
        return builder;
    }
}
