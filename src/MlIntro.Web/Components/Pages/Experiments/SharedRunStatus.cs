using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Experiments;

/// <summary>
/// How a run's state reads to someone who received its link. Only a run's owner can cancel it, and lesson pages
/// cancel their runs when their tab closes, so Cancelled means "its owner stopped it": said plainly, with the epochs
/// it got to, not as an alarm. Interrupted means the server stopped (a restart, a deploy) while it trained: said
/// as plainly, with the epochs it kept.
/// </summary>
/// <param name="Label">The chip's text.</param>
/// <param name="Sentence">What happened, in words; null when the chip says it all.</param>
/// <param name="IsProblem">True when something went wrong (failed, diverged).</param>
public sealed record SharedRunStatus(string Label, string? Sentence, bool IsProblem)
{
    /// <param name="epochsTrained">The last epoch recorded; null for runs that have no epochs (surface races).</param>
    public static SharedRunStatus Of(ExperimentStatus status, int? epochsTrained, string? message) => status switch
    {
        ExperimentStatus.Cancelled => new("Stopped", StoppedSentence(epochsTrained), false),
        ExperimentStatus.Interrupted => new("Interrupted", InterruptedSentence(epochsTrained), false),
        ExperimentStatus.Finished => new("Finished", message, false),
        ExperimentStatus.Failed or ExperimentStatus.Diverged => new(status.ToString(), message, true),
        _ => new(status.ToString(), null, false),
    };

    private static string InterruptedSentence(int? epochs) => epochs switch
    {
        null => "Interrupted by a server or worker stop; its owner can resume it, anyone can fork it.",
        0 => "Interrupted by a server or worker stop before its first epoch; its owner can resume it, anyone can fork it.",
        1 => "Interrupted by a server or worker stop after 1 epoch; its owner can resume it, anyone can fork it.",
        { } n => string.Create(CultureInfo.InvariantCulture, $"Interrupted by a server or worker stop after {n:N0} epochs; its owner can resume it, anyone can fork it."),
    };

    private static string StoppedSentence(int? epochs) => epochs switch
    {
        null => "Stopped by its owner.",
        0 => "Stopped by its owner before its first epoch.",
        1 => "Stopped by its owner after 1 epoch.",
        { } n => string.Create(CultureInfo.InvariantCulture, $"Stopped by its owner after {n:N0} epochs."),
    };
}
