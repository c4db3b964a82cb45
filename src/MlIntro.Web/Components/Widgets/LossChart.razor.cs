using Microsoft.AspNetCore.Components;

namespace MlIntro.Web.Components.Widgets;

/// <summary>Training and test (or validation) loss per epoch, streamed.</summary>
public sealed partial class LossChart() : TrainAndHeldOutChart("loss-chart", EpochQuantity.Loss)
{
    [Parameter]
    public string Title { get; set; } = "Loss";

    [Parameter]
    public bool LogScale { get; set; }

    /// <summary>Pixels; the Playground's is shorter so that it fits beside the network at 1280x720.</summary>
    [Parameter]
    public int Height { get; set; } = 280;

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs(Title, Height, logY: LogScale);
}
