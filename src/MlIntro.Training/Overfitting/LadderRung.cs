using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Training.Models;
using MlIntro.Training.Trainers;
using static TorchSharp.torch;

namespace MlIntro.Training.Overfitting;

/// <summary>
/// One model of a capacity ladder: its network trained by its own <see cref="EpochTrainer"/> (the run's seed, so every
/// rung sees the same batch order), its best held-out epoch, and why it stopped, if it did.
/// </summary>
internal sealed class LadderRung : IDisposable
{
    private readonly EpochTrainer _trainer;
    private readonly BestWeights? _best;
    private readonly bool _dropout;
    private readonly int _patience;

    public LadderRung(NamedModel rung, ExperimentDefinition definition, ModelShape shape, Device device)
    {
        Name = rung.Name;
        var own = definition with { Model = rung.Model, Ladder = null };
        _trainer = new EpochTrainer(own, definition.RequiredOptimizer, shape, device);
        var training = definition.RequiredTraining;
        _patience = training.EarlyStopping ? training.Patience : int.MaxValue;
        _best = training.EarlyStopping ? new BestWeights(_trainer.Model) : null;
        _dropout = rung.Model.HiddenLayers.Any(l => l.Dropout > 0);
        IsRegularized = rung.Model.Regularization != Regularization.None && rung.Model.RegularizationRate > 0;
    }

    /// <summary>Trained with an L1 or L2 penalty: its weights' distribution is worth drawing.</summary>
    public bool IsRegularized { get; }

    public string Name { get; }

    public Mlp Model => _trainer.Model;

    /// <summary>The epoch whose held-out loss was lowest, and that loss.</summary>
    public (int Epoch, double Loss) Best { get; private set; } = (0, double.PositiveInfinity);

    public int? DivergedAt { get; private set; }

    /// <summary>Set when early stopping ended this rung: the epoch it stopped after (its weights are the best epoch's).</summary>
    public int? StoppedAt { get; private set; }

    public bool IsActive => DivergedAt is null && StoppedAt is null;

    public EpochMetrics TrainEpoch(int epoch, SplitTensors train, SplitTensors heldOut, CancellationToken token)
    {
        var metrics = _trainer.TrainEpochRunning(epoch, train, heldOut, _dropout, token) with { Series = Name };
        var heldOutLoss = metrics.TestLoss!.Value;
        if (!double.IsFinite(metrics.TrainLoss) || !double.IsFinite(heldOutLoss))
        {
            DivergedAt = epoch;
            return metrics;
        }
        _best?.Offer(epoch, heldOutLoss);
        if (heldOutLoss < Best.Loss)
        {
            Best = (epoch, heldOutLoss);
        }
        else if (epoch - Best.Epoch >= _patience)
        {
            _best!.Restore();
            StoppedAt = epoch;
            return metrics with { RestoredEpoch = Best.Epoch };
        }
        return metrics;
    }

    /// <summary>How the network's weights are spread now.</summary>
    public WeightHistogram Histogram(int epoch) => WeightHistogram.Of(epoch, Name, Model.WeightsSnapshot());

    /// <summary>What a student reads about this rung at the end.</summary>
    public string Summary() =>
        DivergedAt is { } diverged ? $"{Name} diverged at epoch {diverged}"
        : StoppedAt is { } stopped ? $"{Name} stopped after epoch {stopped}, restored epoch {Best.Epoch} (held-out loss {Best.Loss:F4})"
        : $"{Name} best at epoch {Best.Epoch} (held-out loss {Best.Loss:F4})";

    public void Dispose()
    {
        _best?.Dispose();
        _trainer.Dispose();
    }
}
