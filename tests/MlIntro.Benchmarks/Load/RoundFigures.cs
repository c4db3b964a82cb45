namespace MlIntro.Benchmarks.Load;

/// <summary>One load round: N clients against a fresh server, and what the server process used meanwhile.</summary>
internal sealed record RoundFigures(
    int Clients,
    IReadOnlyList<ClientFigures> Figures,
    double ServerCores,
    double PeakRssMb,
    int PeakThreads,
    double ClientCores,
    IReadOnlyList<double> BusyStartMs,
    IReadOnlyList<string> ServerComplaints)
{
    public int Accepted => Figures.Count(f => f.Accepted);

    public int Dropped => Figures.Count(f => f.Dropped is not null);

    public IReadOnlyList<ClientFigures> Training => [.. Figures.Where(f => f.Trained)];

    /// <summary>Worst gap of the worst client (NaN when none trained).</summary>
    public double WorstGapMs => Training.Count == 0 ? double.NaN : Training.Max(f => f.WorstGapMs);
}
