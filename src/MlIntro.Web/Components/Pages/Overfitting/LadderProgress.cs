using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// How far a ladder run is: the models train concurrently and the small ones run far ahead of Large, so progress follows
/// the slowest model. A model that ended before the last epoch (early stopping, or a loss that diverged) trains no more
/// and counts as done; otherwise the bar would stop short of 100 % for a run that has finished.
/// </summary>
public sealed class LadderProgress
{
    private readonly Dictionary<string, int> _epochs = new(StringComparer.Ordinal);

    /// <summary>Models and epochs of the run followed; <see cref="Reset"/> sets them.</summary>
    public int Models { get; private set; }

    public int Epochs { get; private set; }

    /// <summary>Models that have reported at least one epoch.</summary>
    public int Started => _epochs.Count;

    /// <summary>The slowest model's epoch, 0 until every model has reported one.</summary>
    public int SlowestEpoch => Models == 0 || _epochs.Count < Models ? 0 : _epochs.Values.Min();

    public double Percent => Epochs > 0 ? 100.0 * SlowestEpoch / Epochs : 0;

    public void Reset(int models, int epochs)
    {
        (Models, Epochs) = (models, epochs);
        _epochs.Clear();
    }

    public void Record(EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        // The ladder ends a rung at its first non-finite loss (LadderRung.TrainEpoch), as it ends one whose patience ran out.
        var ended = metrics.RestoredEpoch is not null || !double.IsFinite(metrics.TrainLoss) || metrics.TestLoss is { } t && !double.IsFinite(t);
        _epochs[metrics.Series] = ended ? Math.Max(Epochs, metrics.Epoch) : metrics.Epoch;
    }
}
