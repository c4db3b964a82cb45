namespace MlIntro.Benchmarks.Load;

/// <summary>What one hub client saw during a load round. Times in ms from its Start call; NaN where it never got there.</summary>
/// <param name="Rejection">The server's refusal of Start, or null when it was accepted.</param>
/// <param name="WorstGapMs">Longest silence between events from its first epoch to the end of the window (the edge counts).</param>
/// <param name="WorstGapEndedAt">When that silence ended, in ms from its Start call: gaps that end together point at the server.</param>
/// <param name="Dropped">How the connection was closed under the client (an error, not its own Stop), or null.</param>
/// <param name="StreamProblem">Why the Watch stream ended before the window did (an error, or the run ended), or null.</param>
internal sealed record ClientFigures(
    string? Rejection,
    double StartMs,
    double FirstEventMs,
    int Epochs,
    double EpochsPerSecond,
    double WorstGapMs,
    double WorstGapEndedAt,
    string? Dropped,
    string? StreamProblem)
{
    public bool Accepted => Rejection is null;

    public bool Trained => Epochs > 0;
}
