using System.Globalization;

namespace MlIntro.Web.Components.Widgets;

/// <summary>How a background rejection 1/ε_B reads in a table.</summary>
public static class RejectionText
{
    /// <summary>
    /// The rejection to four significant digits; when no background event passes, "&gt; N" with N the number of
    /// background events, because ε_B is then only known to be below 1/N: a finite test set cannot show an infinite rejection.
    /// </summary>
    public static string Format(double rejection, int backgroundEvents) =>
        double.IsPositiveInfinity(rejection)
            ? string.Create(CultureInfo.InvariantCulture, $"> {backgroundEvents:N0}")
            : rejection.ToString("G4", CultureInfo.InvariantCulture);
}
