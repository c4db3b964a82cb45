namespace MlIntro.Training.Trees;

/// <summary>
/// A trained ensemble as plain numbers: the raw score of an event after k rounds is <see cref="Bias"/> plus the first
/// k trees' outputs, and its probability of class 1 is 1 / (1 + exp(<see cref="Slope"/>·score + <see cref="Offset"/>))
/// (ML.NET's Platt calibrator, which for LightGBM is its sigmoid parameter).
/// </summary>
/// <param name="Gains">Per feature (input column), the summed split gain over all trees.</param>
/// <param name="FitSeconds">Wall time of LightGBM's training call.</param>
public sealed record TrainedTrees(IReadOnlyList<FlatTree> Trees, double Bias, double Slope, double Offset, double[] Gains, double FitSeconds)
{
    public int Rounds => Trees.Count;

    public double Probability(double score) => 1 / (1 + Math.Exp(Slope * score + Offset));

    /// <summary>Scores of every event before the first round: the ensemble's bias.</summary>
    public double[] StartScores(int rows) => [.. Enumerable.Repeat(Bias, rows)];

    /// <summary>Adds round <paramref name="round"/>'s tree (1-based) to the running raw <paramref name="scores"/> of the events in <paramref name="x"/>.</summary>
    public void AddRound(int round, float[] x, int columns, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scores);
        var tree = Trees[round - 1];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] += tree.Output(x.AsSpan(i * columns, columns));
        }
    }

    /// <summary>Probabilities of class 1 after all rounds.</summary>
    public float[] Predict(float[] x, int columns)
    {
        ArgumentNullException.ThrowIfNull(x);
        var scores = StartScores(x.Length / columns);
        for (var round = 1; round <= Rounds; round++)
        {
            AddRound(round, x, columns, scores);
        }
        return [.. scores.Select(s => (float)Probability(s))];
    }
}
