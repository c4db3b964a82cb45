using System.Globalization;

namespace MlIntro.Core.Likelihood;

/// <summary>A 2D Gaussian with mean (<paramref name="Mean"/>, <paramref name="Mean"/>), both widths <paramref name="Sigma"/> and correlation <paramref name="Rho"/>.</summary>
public sealed record CorrelatedNormalToy(double Mean, double Sigma, double Rho) : IToyDensity
{
    public int Dimension => 2;

    public string Formula => string.Create(CultureInfo.InvariantCulture, $"N₂(μ = ({Mean:0.###}, {Mean:0.###}), σ = {Sigma:0.###}, ρ = {Rho:0.###})");

    public double LogDensity(ReadOnlySpan<double> x)
    {
        var a = (x[0] - Mean) / Sigma;
        var b = (x[1] - Mean) / Sigma;
        var oneMinus = 1 - Rho * Rho;
        var q = (a * a - 2 * Rho * a * b + b * b) / oneMinus;
        return -0.5 * q - Math.Log(2 * Math.PI * Sigma * Sigma * Math.Sqrt(oneMinus));
    }

    public void Sample(Random random, Span<double> x)
    {
        var z1 = Gaussian.Sample(random, 0, 1);
        var z2 = Gaussian.Sample(random, 0, 1);
        x[0] = Mean + Sigma * z1;
        x[1] = Mean + Sigma * (Rho * z1 + Math.Sqrt(1 - Rho * Rho) * z2);
    }
}
