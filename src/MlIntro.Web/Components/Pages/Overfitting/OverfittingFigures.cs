using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// The numbers the lesson's texts quote, computed from the networks and the data they describe, so that a change to
/// either changes the text too.
/// </summary>
public static class OverfittingFigures
{
    private static readonly Lazy<(int Pool, int HeldOut)> Split = new(() =>
    {
        var split = new HiggsUciSource().Load(new DataSpec(HiggsUciSource.Name, Points: int.MaxValue, TrainFraction: CapacityLadder.TrainFraction), seed: 1, CancellationToken.None);
        return (split.Train.Rows, split.Test.Rows);
    });

    /// <summary>HIGGS events the training events are drawn from (all but the held-out ones).</summary>
    public static int TrainingPool => Split.Value.Pool;

    /// <summary>HIGGS events held out once and for all.</summary>
    public static int HeldOut => Split.Value.HeldOut;

    /// <summary>Weights (no biases) of <paramref name="model"/> on HIGGS's 28 features with one output.</summary>
    public static long Weights(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int[] widths = [SweepSettings.HiggsFeatures, .. model.HiddenLayers.Select(l => l.Neurons), 1];
        return widths.Zip(widths.Skip(1), (a, b) => (long)a * b).Sum();
    }

    /// <summary>A ladder model's weights, by its name.</summary>
    public static long Weights(string rung) => Weights(CapacityLadder.All.Single(r => r.Name == rung).Model);

    /// <summary>The hidden layers' widths as the lecture writes them, e.g. "64-64-64".</summary>
    public static string Widths(string rung) =>
        string.Join("-", CapacityLadder.All.Single(r => r.Name == rung).Model.HiddenLayers.Select(l => l.Neurons));
}
