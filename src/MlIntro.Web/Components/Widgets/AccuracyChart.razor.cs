namespace MlIntro.Web.Components.Widgets;

/// <summary>Training and validation (or test) accuracy per epoch, streamed.</summary>
public sealed partial class AccuracyChart() : TrainAndHeldOutChart("accuracy-chart", EpochQuantity.Accuracy)
{
    protected override LineStyle Style { get; } = new(Markers: true);

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs("Accuracy", 280, fraction: true);
}
