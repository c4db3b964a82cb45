using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>The L1-against-L2 panel: the Medium network twice, once per penalty, at one rate; and its definition both ways.</summary>
/// <param name="RateIndex">Index into <see cref="Rates"/> (the slider moves through them).</param>
public sealed record WeightsSettings(int RateIndex = 2, int Epochs = 60)
{
    public const string L1 = "Medium + L1";
    public const string L2 = "Medium + L2";
    public const int Events = 1000;

    public static IReadOnlyList<double> Rates { get; } = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2];

    public double Rate => Rates[Math.Clamp(RateIndex, 0, Rates.Count - 1)];

    public ExperimentDefinition ToDefinition()
    {
        var medium = CapacityLadder.Sizes.Single(r => r.Name == CapacityLadder.Medium).Model;
        return CapacityLadder.Definition(
            [
                new NamedModel(L1, medium with { Regularization = Regularization.L1, RegularizationRate = Rate }),
                new NamedModel(L2, medium with { Regularization = Regularization.L2, RegularizationRate = Rate }),
            ],
            Events,
            labelNoise: 0,
            Math.Clamp(Epochs, 1, LadderSettings.MaxEpochs)) with { Training = new TrainingSpec(Math.Clamp(Epochs, 1, LadderSettings.MaxEpochs), CapacityLadder.BatchSize, FrameIntervalMs: 300) };
    }

    /// <summary>The panel's settings when <paramref name="definition"/> is one of its runs, else null.</summary>
    public static WeightsSettings? FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Ladder is not [{ Name: L1 } l1, { Name: L2 }])
        {
            return null;
        }
        var index = Rates.Select((r, i) => (Distance: Math.Abs(Math.Log10(r) - Math.Log10(Math.Max(l1.Model.RegularizationRate, 1e-12))), i)).MinBy(x => x.Distance).i;
        return new WeightsSettings(index, definition.RequiredTraining.Epochs);
    }
}
