using System.ComponentModel.DataAnnotations;

namespace MlIntro.Web.Store;

/// <summary>How long stored runs are kept; bound from configuration section "Retention".</summary>
/// <remarks>The defaults bound a public tutorial server: 1,000 students at 200 runs of about 100 KB each is under 20 GB.</remarks>
public sealed class ExperimentRetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False keeps every run forever (a private server).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Finished runs created longer ago are deleted, with their events.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Finished runs one owner (browser or hub client) keeps; the oldest beyond it are deleted first.</summary>
    [Range(1, 1_000_000)]
    public int MaxRunsPerOwner { get; set; } = 200;

    /// <summary>Time between two passes; the first pass runs at start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
