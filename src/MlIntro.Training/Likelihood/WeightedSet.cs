namespace MlIntro.Training.Likelihood;

/// <summary>Events for one of the lesson's networks: features (row-major), targets (0/1 labels, or values to regress) and weights (may be negative).</summary>
public sealed record WeightedSet(float[] X, int Features, float[] Targets, float[] Weights)
{
    public int Rows => Targets.Length;

    /// <summary>The rows [start, start + count).</summary>
    public WeightedSet Slice(int start, int count) => new(
        X[(start * Features)..((start + count) * Features)], Features, Targets[start..(start + count)], Weights[start..(start + count)]);

    /// <summary>Source events as class 0 with their weights, target events as class 1 with theirs.</summary>
    public static WeightedSet Classes(float[] source, float[] sourceWeights, float[] target, float[] targetWeights, int features) => new(
        [.. source, .. target],
        features,
        [.. Enumerable.Repeat(0f, sourceWeights.Length), .. Enumerable.Repeat(1f, targetWeights.Length)],
        [.. sourceWeights, .. targetWeights]);

    /// <summary>Σw of the events with target 1 and with target 0 (the class sizes N1, N0 of the ratio's prior correction).</summary>
    public (double Background, double Signal) ClassTotals()
    {
        double n0 = 0, n1 = 0;
        for (var i = 0; i < Rows; i++)
        {
            if (Targets[i] > 0.5f)
            {
                n1 += Weights[i];
            }
            else
            {
                n0 += Weights[i];
            }
        }
        return (n0, n1);
    }
}
