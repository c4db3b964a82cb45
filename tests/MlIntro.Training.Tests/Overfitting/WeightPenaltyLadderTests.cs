using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>L1 against L2 at the same rate, as the lesson's weight histograms show them.</summary>
[Collection("torch")]
public sealed class WeightPenaltyLadderTests(ITestOutputHelper output)
{
    private const double Rate = 1e-3;
    private const int Epochs = 60;

    [Fact]
    public void Execute_L1AndL2AtTheSameRate_L1LeavesALargerShareOfWeightsBelowOneThousandth()
    {
        var medium = CapacityLadder.Sizes.Single(r => r.Name == CapacityLadder.Medium).Model;
        var definition = CapacityLadder.Definition(
            [
                new NamedModel("L1", medium with { Regularization = Regularization.L1, RegularizationRate = Rate }),
                new NamedModel("L2", medium with { Regularization = Regularization.L2, RegularizationRate = Rate }),
            ],
            trainingEvents: 1000,
            labelNoise: 0,
            epochs: Epochs);

        var log = LadderRuns.Run(definition);

        var histograms = log.Events.Where(e => e.Kind == TrainingEventKind.Weights).Select(e => e.Weights!).ToList();
        var l1 = histograms.Last(h => h.Series == "L1");
        var l2 = histograms.Last(h => h.Series == "L2");
        // 28-64-64-64-1: the weight matrices alone, counted from the architecture.
        output.WriteLine($"below 1e-3 after {Epochs} epochs: L1 {l1.ShareBelow:P1}, L2 {l2.ShareBelow:P1}");
        const long weights = (28 * 64) + (64 * 64) + (64 * 64) + 64;
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Equal((Epochs, Epochs), (l1.Epoch, l2.Epoch));
        Assert.Equal((weights, weights), (l1.Weights, l2.Weights));
        Assert.Equal(weights, l1.Counts.Sum());
        Assert.True(l1.ShareBelow > l2.ShareBelow + 0.1,
            $"L1 should leave more weights below 1e-3: {l1.ShareBelow:P1} against L2's {l2.ShareBelow:P1}");
    }
}
