using Microsoft.AspNetCore.Components;

namespace MlIntro.Web.Components.Widgets;

/// <summary>Training and test (or validation) loss per epoch, streamed.</summary>
public sealed partial class LossChart() : TrainAndHeldOutChart("loss-chart", EpochQuantity.Loss)
{
    [Parameter]
    public string Title { get; set; } = "Loss";

    [Parameter]
    public bool LogScale { get; set; }

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs(Title, 280, logY: LogScale);
}
