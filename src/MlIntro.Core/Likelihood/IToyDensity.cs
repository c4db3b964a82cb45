namespace MlIntro.Core.Likelihood;

/// <summary>A simulator whose density is known exactly: it draws seeded samples and evaluates its own log density.</summary>
public interface IToyDensity
{
    /// <summary>Coordinates per event (1 or 2).</summary>
    int Dimension { get; }

    /// <summary>ln p(x) for one event of <see cref="Dimension"/> coordinates.</summary>
    double LogDensity(ReadOnlySpan<double> x);

    /// <summary>Draws one event into <paramref name="x"/> (length <see cref="Dimension"/>).</summary>
    void Sample(Random random, Span<double> x);

    /// <summary>Formula as the page shows it, e.g. "N(0, 1)".</summary>
    string Formula { get; }
}

/// <summary>Helpers every toy shares.</summary>
public static class ToyDensities
{
    /// <summary>Draws <paramref name="events"/> events, row-major (<c>events × Dimension</c>).</summary>
    public static double[] Sample(this IToyDensity density, int events, Random random)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(random);
        var d = density.Dimension;
        var x = new double[events * d];
        for (var i = 0; i < events; i++)
        {
            density.Sample(random, x.AsSpan(i * d, d));
        }
        return x;
    }

    /// <summary>ln p(x) of every event of a row-major sample.</summary>
    public static double[] LogDensities(this IToyDensity density, double[] x)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(x);
        var d = density.Dimension;
        var result = new double[x.Length / d];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = density.LogDensity(x.AsSpan(i * d, d));
        }
        return result;
    }
}
