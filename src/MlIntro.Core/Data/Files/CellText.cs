using System.Globalization;

namespace MlIntro.Core.Data.Files;

/// <summary>Why a cell that should hold a number does not, in words a user can act on.</summary>
internal static class CellText
{
    /// <summary>The reason for <paramref name="value"/>, e.g. "'1e300' is too large for a 32-bit float (at most ±3.4e38)".</summary>
    public static string Why(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return "the value is missing";
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // Features train as 32-bit floats: a finite double beyond float's range would become infinity.
            return double.IsFinite(number)
                ? $"'{text}' is too large for a 32-bit float (at most ±3.4e38)"
                : $"'{text}' is not a finite number";
        }
        if (text.Contains(',', StringComparison.Ordinal)
            && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return $"'{text}' is not a number: it looks like a decimal comma; write decimal points ({text.Replace(',', '.')}), e.g. by exporting with an English number format";
        }
        return $"'{text}' is not a number";
    }
}
