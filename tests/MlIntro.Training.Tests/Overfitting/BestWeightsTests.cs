using MlIntro.Core.Experiments;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Trainers;
using TorchSharp;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>Early stopping keeps the best epoch's network, not the last one's.</summary>
[Collection("torch")]
public sealed class BestWeightsTests
{
    [Fact]
    public void Restore_AfterEpochsPastTheBest_HeldOutLossEqualsTheBestOne()
    {
        // 300 real events and a 128-128 network at lr 0.01: the held-out loss bottoms out within a few epochs.
        var definition = HiggsRuns.Definition(300, 25, 30, 128, 128) with { Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01) };
        var (data, shape) = HiggsRuns.Load(definition);
        using var train = HiggsRuns.Tensors(data.Train, shape);
        using var heldOut = HiggsRuns.Tensors(data.Test, shape);
        using var trainer = new EpochTrainer(definition, definition.RequiredOptimizer, shape, torch.CPU);
        using var best = new BestWeights(trainer.Model);
        var losses = new List<double>();

        for (var epoch = 1; epoch <= 25; epoch++)
        {
            var loss = trainer.TrainEpoch(epoch, train, null, heldOut, CancellationToken.None).TestLoss!.Value;
            losses.Add(loss);
            best.Offer(epoch, loss);
        }
        var lastLoss = EpochTrainer.Evaluate(trainer.Model, heldOut, shape).Loss;
        best.Restore();
        var restoredLoss = EpochTrainer.Evaluate(trainer.Model, heldOut, shape).Loss;

        var bestEpoch = losses.IndexOf(losses.Min()) + 1;
        Assert.True(bestEpoch < 25, $"the precondition: the best epoch is not the last one (it was {bestEpoch})");
        Assert.Equal(bestEpoch, best.Epoch);
        Assert.True(lastLoss > losses.Min() + 1e-3, $"the last weights are worse: {lastLoss} against {losses.Min()}");
        Assert.Equal(losses.Min(), restoredLoss, 1e-6);
    }

    [Fact]
    public void Execute_EarlyStopping_FinalEvaluationIsTheBestEpochsNetwork()
    {
        // The same run trained for exactly the best epoch's number of epochs (same seed, same batch order) must be
        // judged identically on the test set: that is the network early stopping should hand back.
        var stopping = HiggsRuns.Definition(400, 200, 40, 128, 128) with
        {
            Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01),
            Training = new TrainingSpec(200, 40, EarlyStopping: true, Patience: 3, FrameIntervalMs: 60_000, ValidationFraction: 0.25),
        };

        var stopped = Trainer.Run(stopping, HiggsRuns.Source);
        var validation = stopped.Epochs.Select(m => m.ValidationLoss!.Value).ToList();
        var bestEpoch = validation.IndexOf(validation.Min()) + 1;
        var plain = Trainer.Run(stopping with { Training = stopping.Training! with { Epochs = bestEpoch, EarlyStopping = false } }, HiggsRuns.Source);

        Assert.True(stopped.Epochs.Count < 200 && stopped.Epochs.Count == bestEpoch + 3,
            $"stopped after {stopped.Epochs.Count} epochs, best {bestEpoch}");
        Assert.Contains($"restored the weights of epoch {bestEpoch}", stopped.Last.Message, StringComparison.Ordinal);
        var restored = FinalEvaluation(stopped);
        var reference = FinalEvaluation(plain);
        Assert.Equal(reference.Curves[0].Auc, restored.Curves[0].Auc, 1e-9);
        Assert.Equal(reference.Accuracy, restored.Accuracy);
        Assert.Equal(reference.ConfusionMatrix, restored.ConfusionMatrix);
    }

    private static EvaluationFrame FinalEvaluation(RunLog log) =>
        log.Events.Last(e => e.Evaluation is { IsFinal: true }).Evaluation!;
}
