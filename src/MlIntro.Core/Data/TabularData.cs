namespace MlIntro.Core.Data;

/// <summary>
/// Rows of features, row-major (<c>X[row * FeatureNames.Length + column]</c>), with class labels (classification)
/// or targets (regression) and optional per-row event weights (which may be negative).
/// </summary>
/// <param name="Weights">Physical event weights: every metric (ROC, AUC, confusion, efficiencies) counts with them.</param>
/// <param name="LossWeights">Weights the loss uses instead of <paramref name="Weights"/> when set (see <see cref="ClassBalance"/>).</param>
public sealed record TabularData(
    string[] FeatureNames,
    float[] X,
    int[]? Labels = null,
    float[]? Targets = null,
    float[]? Weights = null,
    float[]? LossWeights = null)
{
    public int Rows => FeatureNames.Length == 0 ? 0 : X.Length / FeatureNames.Length;

    public int Columns => FeatureNames.Length;
}
