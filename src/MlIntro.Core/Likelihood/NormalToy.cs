using System.Globalization;

namespace MlIntro.Core.Likelihood;

/// <summary>One-dimensional N(<paramref name="Mean"/>, <paramref name="Sigma"/>).</summary>
public sealed record NormalToy(double Mean, double Sigma) : IToyDensity
{
    public int Dimension => 1;

    public string Formula => string.Create(CultureInfo.InvariantCulture, $"N({Mean:0.###}, {Sigma:0.###})");

    public double LogDensity(ReadOnlySpan<double> x) => Gaussian.LogPdf(x[0], Mean, Sigma);

    public void Sample(Random random, Span<double> x) => x[0] = Gaussian.Sample(random, Mean, Sigma);
}
