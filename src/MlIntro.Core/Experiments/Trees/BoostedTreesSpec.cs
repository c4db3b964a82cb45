namespace MlIntro.Core.Experiments.Trees;

/// <summary>
/// Gradient-boosted decision trees instead of a network (<see cref="ExperimentDefinition.BoostedTrees"/>), trained by
/// LightGBM. One tree is added per boosting round, and a round is the run's epoch: the number of trees is the
/// definition's <see cref="TrainingSpec.Epochs"/>, its seed the definition's <see cref="ExperimentDefinition.Seed"/>.
/// From the training settings, trees also read <see cref="TrainingSpec.ValidationFraction"/>,
/// <see cref="TrainingSpec.BalanceClasses"/> and <see cref="TrainingSpec.FrameIntervalMs"/>; the batch size means nothing to them.
/// </summary>
/// <param name="Leaves">Leaves per tree (LightGBM's num_leaves): the trees' capacity.</param>
/// <param name="LearningRate">Shrinkage: each new tree's output is scaled by it.</param>
/// <param name="MinEventsPerLeaf">A leaf needs at least this many training events (min_data_in_leaf): small values let trees memorise.</param>
/// <param name="FeatureFraction">Share of the features each tree may split on, drawn anew per tree with the seed.</param>
public sealed record BoostedTreesSpec(
    int Leaves = 31,
    double LearningRate = 0.1,
    int MinEventsPerLeaf = 20,
    double FeatureFraction = 1.0)
{
    public const int MinLeaves = 2;
    public const int MaxLeaves = 1024;
    public const double MinLearningRate = 1e-4;
    public const double MaxLearningRate = 1;
    public const int MaxMinEventsPerLeaf = 10_000;
    public const double MinFeatureFraction = 0.05;

    /// <summary>Boosting rounds (trees) a run may ask for in <see cref="TrainingSpec.Epochs"/>.</summary>
    public const int MaxRounds = 5_000;

    /// <summary>
    /// Rounds × training events a run may ask for. LightGBM grows all trees in one call that a cancel cannot stop, so
    /// the call must stay short: 1e7 round-events took 13.5 s here with 64 leaves on a loaded machine; 3e6 (300 rounds
    /// on 10,000 events, 550 on the evaluation page's 5,491 HIGGS events) stays within a few seconds.
    /// </summary>
    public const long MaxRoundEvents = 3_000_000;
}
