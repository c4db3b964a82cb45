namespace MlIntro.Web.Components.Lessons;

/// <summary>One colour per racer, the same in every chart of the lesson.</summary>
public static class RaceColours
{
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#000000", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    ];

    public static string For(int index) => Palette[index % Palette.Length];
}
