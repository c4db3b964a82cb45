using System.Globalization;

namespace MlIntro.Core.Tuning;

public enum DimensionKind
{
    Continuous,
    Discrete,
    Categorical,
}

/// <summary>
/// One searched hyperparameter as the samplers see it: a value on its own scale (a categorical one is the index of
/// its choice) and a position in [0, 1] (log scale for log ranges), where random search and TPE draw.
/// </summary>
public sealed record SearchDimension(string Name, DimensionKind Kind, double Low, double High, bool Log, IReadOnlyList<string> Choices, int GridPoints)
{
    /// <summary>The value at position <paramref name="unit"/> in [0, 1]; whole numbers and choices are rounded.</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0, 1);
        return Kind switch
        {
            DimensionKind.Continuous when Log => Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))),
            DimensionKind.Continuous => Low + u * (High - Low),
            // Each whole number owns an equal share of [0, 1].
            _ => Math.Min(High, Math.Floor(Low + u * (High - Low + 1))),
        };
    }

    /// <summary>The position of <paramref name="value"/> in [0, 1] (a whole number or choice: the middle of its share).</summary>
    public double ToUnit(double value) => Kind switch
    {
        DimensionKind.Continuous when Log => High == Low ? 0.5 : (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)),
        DimensionKind.Continuous => High == Low ? 0.5 : (value - Low) / (High - Low),
        _ => (value - Low + 0.5) / (High - Low + 1),
    };

    /// <summary>The values a grid search takes: every whole number or choice, or <see cref="GridPoints"/> even steps.</summary>
    public IReadOnlyList<double> GridValues()
    {
        if (Kind != DimensionKind.Continuous)
        {
            return [.. Enumerable.Range((int)Low, (int)(High - Low) + 1).Select(v => (double)v)];
        }
        if (GridPoints == 1 || High == Low)
        {
            return [FromUnit(0.5)];
        }
        return [.. Enumerable.Range(0, GridPoints).Select(i => FromUnit((double)i / (GridPoints - 1)))];
    }

    /// <summary>How tables and exports show a value.</summary>
    public string Format(double value) => Kind switch
    {
        DimensionKind.Categorical => Choices[(int)value],
        DimensionKind.Discrete => ((int)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };
}
