namespace MlIntro.Training.Trees;

/// <summary>
/// One regression tree of a trained ensemble, copied out of ML.NET into plain arrays so that the first k trees can be
/// evaluated after training (rounds are reported from them). Node i sends an event left when its feature
/// <c>Feature[i]</c> is at most <c>Threshold[i]</c> (LightGBM's and ML.NET's convention); a negative child c is leaf ~c.
/// </summary>
/// <param name="Weight">The ensemble's weight of this tree (1 for LightGBM: the learning rate is already in the leaves).</param>
public sealed record FlatTree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves, double Weight = 1)
{
    /// <summary>The weighted leaf value the event <paramref name="row"/> falls into.</summary>
    public double Output(ReadOnlySpan<float> row)
    {
        if (Left.Length == 0)
        {
            return Weight * Leaves[0];
        }
        var node = 0;
        while (node >= 0)
        {
            node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }
        return Weight * Leaves[~node];
    }
}
