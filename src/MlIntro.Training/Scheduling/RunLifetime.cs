using System.Globalization;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Scheduling;

/// <summary>The two limits on how long a run lives: its owner's absence and its compute budget.</summary>
public static class RunLifetime
{
    /// <summary>Why <paramref name="run"/> must stop now, in words for its owner and for /e/{id}; null while it may go on.</summary>
    /// <param name="ownerAbsentSince">From <see cref="OwnerPresence.AbsentSince"/>: null while the owner is connected.</param>
    public static string? ExpiryReason(ExperimentRun run, DateTimeOffset? ownerAbsentSince, DateTimeOffset now, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        if (now - run.CreatedAt >= options.MaxRunDuration)
        {
            return $"Stopped: it reached the server's limit of {Duration(options.MaxRunDuration)} per run.";
        }
        if (ownerAbsentSince is { } left)
        {
            // An owner gone since before the run started (never connected, e.g. a restart) is counted from the start.
            var since = left > run.CreatedAt ? left : run.CreatedAt;
            if (now - since >= options.OrphanedRunLifetime)
            {
                return $"Stopped: its owner left {Duration(now - since)} ago (runs without a connected owner end after {Duration(options.OrphanedRunLifetime)}).";
            }
        }
        return null;
    }

    /// <summary>"10 minutes", "1 hour", "45 seconds": rounded down to the largest unit that fits.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } => Plural((int)span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } => Plural((int)span.TotalMinutes, "minute"),
        _ => Plural((int)Math.Max(0, span.TotalSeconds), "second"),
    };

    private static string Plural(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
