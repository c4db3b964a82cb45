namespace MlIntro.Web.Cluster;

/// <summary>Why a worker refused a Start, in the same two kinds the hub and pages already tell apart.</summary>
public enum RunRefusal
{
    None,

    /// <summary>The definition broke a rule (<c>InvalidExperimentException</c>): the client's mistake.</summary>
    Invalid,

    /// <summary>Busy, over a quota or no storage (<c>TrainingRejectedException</c>): try later.</summary>
    Rejected,

    /// <summary>Someone else's run (<c>UnauthorizedAccessException</c>).</summary>
    NotOwner,

    /// <summary>Nothing to resume: the run is not interrupted (any more).</summary>
    NotInterrupted,
}

/// <summary>
/// Answers instead of exceptions across silos: Orleans carries only exception types it has codecs for, and the front end
/// rethrows the training service's own exception from these so that the hub's and pages' handling stays as it is.
/// </summary>
[GenerateSerializer, Immutable, Alias("MlIntro.StartAnswer")]
public sealed record StartAnswer([property: Id(0)] RunRefusal Refusal, [property: Id(1)] string? Message)
{
    public static StartAnswer Accepted { get; } = new(RunRefusal.None, null);
}

/// <summary>Done is the training service's bool; NotOwner carries its "only the session that started a run" refusal.</summary>
[GenerateSerializer, Immutable, Alias("MlIntro.ControlAnswer")]
public sealed record ControlAnswer([property: Id(0)] bool Done, [property: Id(1)] string? NotOwner);
