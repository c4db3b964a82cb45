namespace MlIntro.Core.Experiments.Trees;

/// <summary>
/// What boosted trees show that a network does not: how much each feature's splits reduced the loss (gain), and the
/// AUC after every round on the training and the held-out events. Published once, after the last round's metrics.
/// </summary>
/// <param name="Importance">Per feature, in the data set's order of columns.</param>
/// <param name="TrainAuc">AUC of the first k trees on the training events, k = 1 … rounds.</param>
/// <param name="HeldOutAuc">The same on <paramref name="HeldOutSplit"/>.</param>
/// <param name="HeldOutSplit">"validation" when the run holds a validation set out, otherwise "test".</param>
/// <param name="FitSeconds">Wall time of LightGBM's training call (all rounds at once).</param>
public sealed record TreesFrame(
    IReadOnlyList<FeatureGain> Importance,
    double[] TrainAuc,
    double[] HeldOutAuc,
    string HeldOutSplit,
    double FitSeconds);

/// <summary>One feature's total split gain over all trees, and its share of the sum over features.</summary>
public sealed record FeatureGain(string Feature, double Gain, double Share);
