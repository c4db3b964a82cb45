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

    private string? _laidOutTitle;

    protected override Plotly.Blazor.Layout CreateLayout()
    {
        _laidOutTitle = Title;
        return ChartLayouts.Epochs(Title, Height, logY: LogScale);
    }

    /// <summary>A page names the model of its current run in the title, which changes from run to run.</summary>
    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (_laidOutTitle is not null && _laidOutTitle != Title)
        {
            await RelayoutAsync();
        }
    }
}
