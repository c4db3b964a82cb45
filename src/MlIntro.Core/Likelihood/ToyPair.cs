namespace MlIntro.Core.Likelihood;

/// <summary>Two simulators with exact densities: the ratio r(x) = p1(x)/p0(x) is known everywhere.</summary>
/// <param name="Range">The x range the page draws (per coordinate).</param>
public sealed record ToyPair(IToyDensity P0, IToyDensity P1, double RangeMin, double RangeMax)
{
    public int Dimension => P0.Dimension;

    /// <summary>ln r(x) = ln p1(x) − ln p0(x).</summary>
    public double LogRatio(ReadOnlySpan<double> x) => P1.LogDensity(x) - P0.LogDensity(x);

    /// <summary>ln r of every event of a row-major sample.</summary>
    public double[] LogRatios(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Dimension;
        var result = new double[x.Length / d];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = LogRatio(x.AsSpan(i * d, d));
        }
        return result;
    }
}
