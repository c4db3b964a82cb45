namespace MlIntro.Training;

/// <summary>Who starts a run: the owner id its quota and controls are keyed to, and the client address it counts against.</summary>
/// <param name="Id">A browser (from its cookie) or a hub client (from its owner token); never the secret itself.</param>
/// <param name="Address">The client's address as <see cref="TrainingOptions.MaxRunsPerAddress"/> counts it; null for
/// in-process callers, which have none and are not capped by address.</param>
public sealed record RunOwner(string Id, string? Address = null);
