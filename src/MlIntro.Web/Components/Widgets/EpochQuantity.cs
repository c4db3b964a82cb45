using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Widgets;

/// <summary>A quantity measured every epoch on the training, validation and test sets.</summary>
public sealed record EpochQuantity(
    string Name,
    Func<EpochMetrics, double?> Train,
    Func<EpochMetrics, double?> Validation,
    Func<EpochMetrics, double?> Test)
{
    public static readonly EpochQuantity Loss = new("loss", m => m.TrainLoss, m => m.ValidationLoss, m => m.TestLoss);

    public static readonly EpochQuantity Accuracy = new("accuracy", m => m.TrainAccuracy, m => m.ValidationAccuracy, m => m.TestAccuracy);
}
