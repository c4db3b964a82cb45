using Microsoft.Extensions.Options;

namespace MlIntro.Web.Cluster;

/// <summary>
/// What this process does in a cluster (<c>Cluster:Roles</c>): <c>Front</c> (pages and hub), <c>Worker</c> (training),
/// or both, the default of the one-process shape.
/// </summary>
public sealed class SiloRoles
{
    public const string Section = "Cluster";

    public string Roles { get; set; } = "Front,Worker";

    public bool IsWorker => Has("Worker");

    public bool IsFront => Has("Front");

    private bool Has(string role) =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Orleans places a grain only on silos that host its class: a silo without the worker role drops the run grain, so
/// runs land on workers without a placement director of our own.
/// </summary>
internal sealed class WorkerGrainsOnly(IOptions<SiloRoles> roles) : IPostConfigureOptions<Orleans.Configuration.GrainTypeOptions>
{
    public void PostConfigure(string? name, Orleans.Configuration.GrainTypeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!roles.Value.IsWorker)
        {
            options.Classes.Remove(typeof(RunGrain));
        }
    }
}
