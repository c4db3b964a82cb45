using System.Globalization;

namespace MlIntro.Core.Optimizers;

/// <summary>The values an optimizer hyperparameter may take: finite, between two bounds, each open or closed.</summary>
public sealed record ParameterRange(double Min, bool MinIncluded, double Max, bool MaxIncluded)
{
    /// <summary>Decay rates of running averages (β1, β2, momentum, ρ): 1 would never forget, more would diverge.</summary>
    public static ParameterRange Fraction { get; } = new(0, true, 1, false);

    public static ParameterRange NonNegative { get; } = new(0, true, double.PositiveInfinity, false);

    /// <summary>For values an update rule divides by or takes a root of.</summary>
    public static ParameterRange Positive { get; } = new(0, false, double.PositiveInfinity, false);

    public static ParameterRange NonPositive { get; } = new(double.NegativeInfinity, false, 0, true);

    public bool Contains(double value) =>
        double.IsFinite(value)
        && (MinIncluded ? value >= Min : value > Min)
        && (MaxIncluded ? value <= Max : value < Max);

    /// <summary>"in [0, 1)", or "a finite number ≥ 0" where a side is unbounded.</summary>
    public override string ToString() =>
        (double.IsInfinity(Min), double.IsInfinity(Max)) switch
        {
            (true, true) => "a finite number",
            (true, false) => $"a finite number {(MaxIncluded ? "≤" : "<")} {Format(Max)}",
            (false, true) => $"a finite number {(MinIncluded ? "≥" : ">")} {Format(Min)}",
            _ => $"in {(MinIncluded ? '[' : '(')}{Format(Min)}, {Format(Max)}{(MaxIncluded ? ']' : ')')}",
        };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
