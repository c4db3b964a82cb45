using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Training.Trees;

namespace MlIntro.Training.Tests.Trees;

public sealed class LightGbmTreesTests
{
    [Fact]
    public void Fit_CopiedTrees_GiveMlNetsOwnProbabilities()
    {
        var split = new HiggsUciSource().Load(new(HiggsUciSource.Name, Points: 2_000, TrainFraction: 0.5), 3, CancellationToken.None);
        var train = new TreeTrainingSet(split.Train.X, split.Train.Columns, split.Train.Labels!, null);

        var (trees, mlNet) = LightGbmTrees.Fit(train, new BoostedTreesSpec(Leaves: 15), rounds: 30, seed: 3, split.Test.X, CancellationToken.None);
        var ours = trees.Predict(split.Test.X, split.Test.Columns);

        Assert.Equal(30, trees.Rounds);
        Assert.Equal(mlNet.Length, ours.Length);
        Assert.All(Enumerable.Range(0, ours.Length), i => Assert.Equal(mlNet[i], ours[i], 4));
        Assert.True(mlNet.Distinct().Count() > 100, "the trees separate the events into many scores");
    }

    [Fact]
    public void Fit_NegativeWeights_TrainsAndKeepsThemInTheLoss()
    {
        // Same events twice: once all at weight 1, once with a tenth of the background at −1 (LightGBM accepts them).
        var split = new HiggsUciSource().Load(new(HiggsUciSource.Name, Points: 2_000, TrainFraction: 0.5), 3, CancellationToken.None);
        var labels = split.Train.Labels!;
        var weights = labels.Select((l, i) => l == 0 && i % 10 == 0 ? -1f : 1f).ToArray();

        var plain = LightGbmTrees.Fit(new TreeTrainingSet(split.Train.X, split.Train.Columns, labels, null), new BoostedTreesSpec(), 20, 3, CancellationToken.None);
        var weighted = LightGbmTrees.Fit(new TreeTrainingSet(split.Train.X, split.Train.Columns, labels, weights), new BoostedTreesSpec(), 20, 3, CancellationToken.None);

        Assert.Equal(20, weighted.Rounds);
        Assert.NotEqual(plain.Predict(split.Test.X, split.Test.Columns), weighted.Predict(split.Test.X, split.Test.Columns));
    }
}
