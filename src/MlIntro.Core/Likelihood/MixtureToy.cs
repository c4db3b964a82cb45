using System.Globalization;

namespace MlIntro.Core.Likelihood;

/// <summary>A one-dimensional Gaussian mixture Σ wₖ N(μₖ, σₖ); the weights sum to 1.</summary>
public sealed class MixtureToy : IToyDensity
{
    private readonly double[] _cumulative;

    public MixtureToy(IReadOnlyList<(double Weight, NormalToy Component)> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var total = components.Sum(c => c.Weight);
        if (components.Count == 0 || components.Any(c => c.Weight < 0) || Math.Abs(total - 1) > 1e-9)
        {
            throw new ArgumentException("Mixture weights must be non-negative and sum to 1.", nameof(components));
        }
        Components = components;
        _cumulative = new double[components.Count];
        var running = 0.0;
        for (var k = 0; k < components.Count; k++)
        {
            running += components[k].Weight;
            _cumulative[k] = running;
        }
    }

    public IReadOnlyList<(double Weight, NormalToy Component)> Components { get; }

    public int Dimension => 1;

    public string Formula => string.Join(" + ", Components.Where(c => c.Weight > 0)
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Weight:0.####}·{c.Component.Formula}")));

    public double LogDensity(ReadOnlySpan<double> x)
    {
        Span<double> terms = stackalloc double[Components.Count];
        for (var k = 0; k < terms.Length; k++)
        {
            var (weight, component) = Components[k];
            terms[k] = weight > 0 ? Math.Log(weight) + component.LogDensity(x) : double.NegativeInfinity;
        }
        return Gaussian.LogSumExp(terms);
    }

    public void Sample(Random random, Span<double> x)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        var k = 0;
        while (k < _cumulative.Length - 1 && u >= _cumulative[k])
        {
            k++;
        }
        Components[k].Component.Sample(random, x);
    }
}
