using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>The training-events slider's promise: fewer events, a wider gap between held-out and training loss.</summary>
[Collection("torch")]
public sealed class TrainingSetSizeGapTests(ITestOutputHelper output)
{
    private const int Epochs = 20;
    private const int Few = 500;
    private const int Many = 5000;

    /// <summary>
    /// Measured here with seeds 1 to 5 (gap over the last five epochs): 0.024 to 0.067 on 500 events, 0.004 to 0.018 on
    /// 5,000; the smallest difference of a seed was 0.018.
    /// </summary>
    private const double Margin = 0.01;

    [Fact]
    public void Execute_MediumOnFewerHiggsEvents_HeldOutMinusTrainingGapIsWider()
    {
        var medium = CapacityLadder.Sizes.Where(r => r.Name == CapacityLadder.Medium).ToList();

        var few = LadderRuns.Run(CapacityLadder.Definition(medium, Few, labelNoise: 0, Epochs));
        var many = LadderRuns.Run(CapacityLadder.Definition(medium, Many, labelNoise: 0, Epochs));

        var fewEpochs = LadderRuns.Series(few, CapacityLadder.Medium);
        var manyEpochs = LadderRuns.Series(many, CapacityLadder.Medium);
        Assert.Equal((ExperimentStatus.Finished, ExperimentStatus.Finished), (few.Last.Status, many.Last.Status));
        Assert.Equal((Epochs, Epochs), (fewEpochs.Length, manyEpochs.Length));
        var fewGap = LateGap(fewEpochs);
        var manyGap = LateGap(manyEpochs);
        output.WriteLine($"held-out − training loss over the last 5 of {Epochs} epochs: {fewGap:F4} on {Few} events, {manyGap:F4} on {Many}");
        Assert.True(fewGap > manyGap + Margin,
            $"the gap on {Few} events ({fewGap:F4}) should exceed the gap on {Many} ({manyGap:F4}) by {Margin}");
    }

    /// <summary>
    /// Held-out minus training loss, averaged over the last five epochs (one epoch's gap wobbles with its batches). The
    /// training loss is the one the page draws, Keras' running mean over the epoch.
    /// </summary>
    private static double LateGap(EpochMetrics[] epochs) => epochs[^5..].Average(m => m.TestLoss!.Value - m.TrainLoss);
}
