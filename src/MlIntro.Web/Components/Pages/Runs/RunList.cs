namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>One entry of this browser's list of runs (localStorage, see RunMemory.razor.js).</summary>
public sealed record RememberedRun(string Id, string Lesson, string Seen);

public static class RunList
{
    public const string Module = "./Components/Pages/Runs/RunMemory.razor.js";

    /// <summary>How many runs the comparison takes at once.</summary>
    public const int MinCompared = 2;

    public const int MaxCompared = 10;
}
