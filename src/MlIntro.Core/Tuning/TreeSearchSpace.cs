using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;

namespace MlIntro.Core.Tuning;

/// <summary>
/// What a study of boosted trees searches (<see cref="SearchSpace.Trees"/>), each optional: the trees' settings of
/// <see cref="BoostedTreesSpec"/>. The number of rounds is the study's epochs, as a network's epochs are.
/// </summary>
public sealed record TreeSearchSpace(
    IntRange? Leaves = null,
    FloatRange? LearningRate = null,
    IntRange? MinEventsPerLeaf = null,
    FloatRange? FeatureFraction = null);

/// <summary>The tree dimensions of a search, their rules and how a trial's values become its trees' settings.</summary>
public static class TreeSearch
{
    public const string Leaves = "tree_leaves";
    public const string LearningRate = "tree_learning_rate";
    public const string MinEventsPerLeaf = "tree_min_events_per_leaf";
    public const string FeatureFraction = "tree_feature_fraction";

    public static IEnumerable<SearchDimension> Dimensions(TreeSearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Leaves is { } leaves)
        {
            yield return new SearchDimension(Leaves, DimensionKind.Discrete, leaves.Min, leaves.Max, false, [], 0);
        }
        if (space.LearningRate is { } lr)
        {
            yield return new SearchDimension(LearningRate, DimensionKind.Continuous, lr.Low, lr.High, lr.Log, [], lr.GridPoints);
        }
        if (space.MinEventsPerLeaf is { } min)
        {
            yield return new SearchDimension(MinEventsPerLeaf, DimensionKind.Discrete, min.Min, min.Max, false, [], 0);
        }
        if (space.FeatureFraction is { } fraction)
        {
            yield return new SearchDimension(FeatureFraction, DimensionKind.Continuous, fraction.Low, fraction.High, false, [], fraction.GridPoints);
        }
    }

    /// <summary>A study searches tree settings exactly when it tunes trees, and then nothing of a network; ranges within the trees' own.</summary>
    public static IEnumerable<string> Errors(SearchSpace space, ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.BoostedTrees is null)
        {
            if (space.Trees is not null)
            {
                yield return "Study.Space.Trees: only a study of boosted trees (BoostedTrees set) searches tree settings.";
            }
            yield break;
        }
        if (space with { Trees = null } != new SearchSpace())
        {
            yield return "Study.Space: a study of boosted trees searches only Study.Space.Trees (no network settings).";
        }
        if (space.Trees is not { } trees)
        {
            yield break;
        }
        if (trees.Leaves is { } leaves && (leaves.Min < BoostedTreesSpec.MinLeaves || leaves.Max > BoostedTreesSpec.MaxLeaves || leaves.Min > leaves.Max))
        {
            yield return $"Study.Space.Trees.Leaves must lie within {BoostedTreesSpec.MinLeaves} to {BoostedTreesSpec.MaxLeaves}, Min ≤ Max.";
        }
        if (trees.LearningRate is { } lr && !(lr.Low >= BoostedTreesSpec.MinLearningRate && lr.High <= BoostedTreesSpec.MaxLearningRate && lr.Low <= lr.High))
        {
            yield return $"Study.Space.Trees.LearningRate must lie within {BoostedTreesSpec.MinLearningRate} to {BoostedTreesSpec.MaxLearningRate}, Low ≤ High.";
        }
        if (trees.MinEventsPerLeaf is { } min && (min.Min < 1 || min.Max > BoostedTreesSpec.MaxMinEventsPerLeaf || min.Min > min.Max))
        {
            yield return $"Study.Space.Trees.MinEventsPerLeaf must lie within 1 to {BoostedTreesSpec.MaxMinEventsPerLeaf}, Min ≤ Max.";
        }
        if (trees.FeatureFraction is { } f && !(f.Low >= BoostedTreesSpec.MinFeatureFraction && f.High <= 1 && f.Low <= f.High))
        {
            yield return $"Study.Space.Trees.FeatureFraction must lie within {BoostedTreesSpec.MinFeatureFraction} to 1, Low ≤ High.";
        }
        if ((trees.LearningRate?.GridPoints ?? 2) < 1 || (trees.FeatureFraction?.GridPoints ?? 2) < 1)
        {
            yield return "Study.Space.Trees: GridPoints must be at least 1.";
        }
    }

    /// <summary>The trial of a study of trees: the study's trees with the sampled values put in, no study of its own.</summary>
    public static ExperimentDefinition Trial(ExperimentDefinition study, BoostedTreesSpec trees, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(values);
        double? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var tuned = trees with
        {
            Leaves = (int?)Value(Leaves) ?? trees.Leaves,
            LearningRate = Value(LearningRate) ?? trees.LearningRate,
            MinEventsPerLeaf = (int?)Value(MinEventsPerLeaf) ?? trees.MinEventsPerLeaf,
            FeatureFraction = Value(FeatureFraction) ?? trees.FeatureFraction,
        };
        return study with { BoostedTrees = tuned, Study = null };
    }
}
