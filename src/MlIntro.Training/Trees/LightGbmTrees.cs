using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using MlIntro.Core.Experiments.Trees;

namespace MlIntro.Training.Trees;

/// <summary>
/// Grows a binary classifier of boosted trees with LightGBM through ML.NET, on one thread with a fixed seed (the same
/// seed gives the same trees), event weights as the example weights (LightGBM accepts negative ones), and copies the
/// trees out (<see cref="TrainedTrees"/>). ML.NET trains all rounds in one call that cannot be cancelled: its LightGBM
/// loop checks no cancellation and MLContext's cancel is internal in 5.0.1. A cancel therefore takes effect when the call
/// returns; <see cref="BoostedTreesSpec.MaxRoundEvents"/> bounds how long that can be.
/// </summary>
public static class LightGbmTrees
{
    public static TrainedTrees Fit(TreeTrainingSet set, BoostedTreesSpec spec, int rounds, int seed, CancellationToken token) =>
        Fit(set, spec, rounds, seed, null, token).Trees;

    /// <summary>As <see cref="Fit(TreeTrainingSet, BoostedTreesSpec, int, int, CancellationToken)"/>, also returning ML.NET's own
    /// probabilities of the events <paramref name="predict"/> (row-major): the tests' check of the copied trees.</summary>
    internal static (TrainedTrees Trees, float[] MlNetProbabilities) Fit(
        TreeTrainingSet set, BoostedTreesSpec spec, int rounds, int seed, float[]? predict, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(spec);
        token.ThrowIfCancellationRequested();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(Rows(set), Schema(set.Columns));
        var options = new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfIterations = rounds,
            NumberOfLeaves = spec.Leaves,
            LearningRate = spec.LearningRate,
            MinimumExampleCountPerLeaf = spec.MinEventsPerLeaf,
            Booster = new GradientBooster.Options { FeatureFraction = spec.FeatureFraction },
            // One thread: LightGBM's multi-threaded histograms sum in varying order, and the same seed must give the same AUC.
            NumberOfThreads = 1,
            Seed = seed,
            Silent = true,
        };
        var clock = Stopwatch.StartNew();
        var transformer = ml.BinaryClassification.Trainers.LightGbm(options).Fit(data);
        token.ThrowIfCancellationRequested();
        var seconds = clock.Elapsed.TotalSeconds;
        var model = transformer.Model;
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        var gains = new double[set.Columns];
        var trees = new List<FlatTree>(ensemble.Trees.Count);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            for (var node = 0; node < tree.NumericalSplitFeatureIndexes.Count; node++)
            {
                gains[tree.NumericalSplitFeatureIndexes[node]] += tree.SplitGains[node];
            }
            trees.Add(new FlatTree([.. tree.LeftChild], [.. tree.RightChild], [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds], [.. tree.LeafValues], ensemble.TreeWeights[t]));
        }
        var trained = new TrainedTrees(trees, ensemble.Bias, model.Calibrator.Slope, model.Calibrator.Offset, gains, seconds);
        if (predict is null)
        {
            return (trained, []);
        }
        var rows = predict.Length / set.Columns;
        var events = new TreeTrainingSet(predict, set.Columns, new int[rows], null);
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(Rows(events), Schema(set.Columns)));
        return (trained, [.. scored.GetColumn<float>("Probability")]);
    }

    private static IEnumerable<Row> Rows(TreeTrainingSet set)
    {
        for (var i = 0; i < set.Rows; i++)
        {
            yield return new Row
            {
                Label = set.Labels[i] == 1,
                Weight = set.Weights?[i] ?? 1f,
                Features = set.X[(i * set.Columns)..((i + 1) * set.Columns)],
            };
        }
    }

    /// <summary>The feature vector's length is only known at run time: ML.NET reads it from the schema.</summary>
    private static SchemaDefinition Schema(int columns)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        return schema;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

#pragma warning disable CA1819 // ML.NET reads a vector column from an array property.
        public float[] Features { get; set; } = [];
#pragma warning restore CA1819
    }
}
