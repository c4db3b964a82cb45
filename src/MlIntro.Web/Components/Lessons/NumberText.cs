using System.Globalization;

namespace MlIntro.Web.Components.Lessons;

/// <summary>Numbers as lesson pages print them: three decimals for people, the full value for tests and scripts.</summary>
public static class NumberText
{
    public static string Rounded(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";

    /// <summary>Round-trippable, for a data-value attribute: three decimals hide progress once a loss is small.</summary>
    public static string? Full(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
