using System.Globalization;

namespace MlIntro.Core.Data;

/// <summary>
/// "Equalise the class weights", the usual HEP practice with physics weights: each class's weights are scaled so that
/// every class carries the same total weight in the loss (the data's row count shared equally, so an average row still
/// weighs 1 and learning rates keep their meaning). The physical weights stay as they are for the metrics.
/// </summary>
public static class ClassBalance
{
    /// <summary>
    /// Loss weights for <paramref name="labels"/>: <paramref name="weights"/> (1 when null) times n / (k · Σ class weights).
    /// </summary>
    /// <exception cref="ArgumentException">A class's weights do not add up to a positive total (negative weights can cancel).</exception>
    public static float[] LossWeights(ReadOnlySpan<int> labels, ReadOnlySpan<float> weights, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (!weights.IsEmpty && weights.Length != labels.Length)
        {
            throw new ArgumentException("There must be one weight per label.", nameof(weights));
        }
        var totals = new double[classNames.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            totals[labels[i]] += weights.IsEmpty ? 1 : weights[i];
        }
        var present = totals.Count(t => t != 0);
        var scale = new double[totals.Length];
        for (var c = 0; c < totals.Length; c++)
        {
            if (totals[c] < 0 || (totals[c] == 0 && labels.Contains(c)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Balancing the classes needs a positive total weight per class, but the weights of class '{classNames[c]}' add up to {totals[c]:G4}: turn balancing off or check the weights."));
            }
            scale[c] = totals[c] > 0 ? labels.Length / (present * totals[c]) : 0;
        }
        var result = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            result[i] = (float)((weights.IsEmpty ? 1 : weights[i]) * scale[labels[i]]);
        }
        return result;
    }

    /// <summary><paramref name="data"/> with balanced <see cref="TabularData.LossWeights"/> (a classification set).</summary>
    public static TabularData Balance(TabularData data, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Labels ?? throw new ArgumentException("Only classification data have classes to balance.", nameof(data));
        return data with { LossWeights = LossWeights(labels, data.Weights, classNames) };
    }

    /// <summary>Both halves of <paramref name="split"/> balanced, each by its own class totals.</summary>
    public static DatasetSplit Balance(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return split with { Train = Balance(split.Train, split.ClassNames), Test = Balance(split.Test, split.ClassNames) };
    }
}
