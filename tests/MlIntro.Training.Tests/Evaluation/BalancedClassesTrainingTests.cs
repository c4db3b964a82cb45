using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Evaluation;

/// <summary>
/// The issue's case: physics weights with signal summing to 6 and background to 1,931 made the network call everything
/// background (ε_S 1.5 % at the 0.5 cut). Balancing the classes in the loss must fix that while every metric stays
/// in the physical weights.
/// </summary>
[Collection("torch")]
public sealed class BalancedClassesTrainingTests(ITestOutputHelper output)
{
    private const int PerClass = 2_000;
    private const float SignalWeight = 6f / PerClass;
    private const float BackgroundWeight = 1931f / PerClass;

    /// <summary>Four features, unit Gaussians at ±0.3: overlapping like real kinematics (Bayes ε_S at equal priors ≈ 0.73).</summary>
    private static TabularData PhysicsWeightedTable()
    {
        var random = new Random(7);
        var rows = 2 * PerClass;
        var x = new float[rows * 4];
        var labels = new int[rows];
        var weights = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var signal = r % 2 == 1;
            labels[r] = signal ? 1 : 0;
            weights[r] = signal ? SignalWeight : BackgroundWeight;
            for (var f = 0; f < 4; f++)
            {
                x[r * 4 + f] = (float)(Gauss(random) + (signal ? 0.3 : -0.3));
            }
        }
        return new TabularData(["f1", "f2", "f3", "f4"], x, labels, Weights: weights);
    }

    private static double Gauss(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static EvaluationFrame Train(bool balance)
    {
        var registry = new UploadRegistry();
        var id = registry.Add(PhysicsWeightedTable(), ["background", "signal"], "physics.csv");
        var definition = new ExperimentDefinition(
            Lesson.Evaluation,
            new DataSpec(UploadRegistry.Prefix + id, TrainFraction: 0.5),
            new ModelSpec([new HiddenLayer(8)], Activation.ReLU),
            new OptimizerSpec(OptimizerKind.Adam, 0.01),
            new TrainingSpec(Epochs: 10, BatchSize: 32, FrameIntervalMs: 60_000, BalanceClasses: balance),
            Seed: 1);
        var log = Trainer.Run(definition, new UploadedDatasetSource(registry));
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        return log.Events.Last(e => e.Kind == TrainingEventKind.Evaluation).Evaluation!;
    }

    /// <summary>Σ w of signal events scoring at least <paramref name="cut"/> over Σ w of all signal events.</summary>
    private static double SignalEfficiency(EvaluationFrame frame, double cut)
    {
        double passed = 0, all = 0;
        for (var i = 0; i < frame.TestScores!.Length; i++)
        {
            if (frame.TestLabels![i] != 1)
            {
                continue;
            }
            all += frame.TestWeights![i];
            passed += frame.TestScores[i] >= cut ? frame.TestWeights[i] : 0;
        }
        return passed / all;
    }

    [Fact]
    public void Execute_BalancedPhysicsWeights_SignalEfficiencyAtOneHalfFarAboveTheIssues1Point5Percent()
    {
        var raw = Train(balance: false);
        var balanced = Train(balance: true);

        var rawEfficiency = SignalEfficiency(raw, 0.5);
        var balancedEfficiency = SignalEfficiency(balanced, 0.5);
        output.WriteLine($"ε_S at 0.5: raw weights {rawEfficiency:P2}, balanced {balancedEfficiency:P2}; AUC raw {raw.Curves[0].Auc:F3}, balanced {balanced.Curves[0].Auc:F3}");
        Assert.InRange(rawEfficiency, 0, 0.05);
        Assert.InRange(balancedEfficiency, 0.5, 1);
    }

    [Fact]
    public void Execute_Balanced_MetricsCountThePhysicalWeights()
    {
        var frame = Train(balance: true);

        var signal = frame.TestWeights!.Where((_, i) => frame.TestLabels![i] == 1).ToList();
        var background = frame.TestWeights!.Where((_, i) => frame.TestLabels![i] == 0).ToList();
        Assert.All(signal, w => Assert.Equal(SignalWeight, w));
        Assert.All(background, w => Assert.Equal(BackgroundWeight, w));
        var confusion = frame.WeightedConfusion!;
        Assert.Equal(signal.Sum(w => (double)w), confusion[1].Sum(), 4);
        Assert.Equal(background.Sum(w => (double)w), confusion[0].Sum(), 3);
        Assert.Equal(SignalEfficiency(frame, 0.5), confusion[1][1] / confusion[1].Sum(), 6);
        var pairwise = PairwiseAuc.Of(frame.TestScores!, frame.TestLabels!, frame.TestWeights);
        Assert.Equal(pairwise, frame.Curves[0].Auc, 9);
    }
}
