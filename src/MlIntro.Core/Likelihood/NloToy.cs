using System.Globalization;

namespace MlIntro.Core.Likelihood;

/// <summary>
/// An NLO-like weighted sample: a share 1 − f of events with weight +1 drawn from N(0, 1) and a share f with weight −1
/// drawn from N(0, 0.7) (as a generator's subtraction terms, narrower than the whole). The weighted density is
/// t(x) = [(1 − f)·N(x; 0, 1) − f·N(x; 0, 0.7)] / (1 − 2f), non-negative everywhere for f ≤ 0.41, and the mean weight at x
/// is E[w|x] = [(1 − f)q₊ − f q₋] / [(1 − f)q₊ + f q₋]: what neural resampling learns.
/// </summary>
public sealed record NloToy(double NegativeFraction)
{
    /// <summary>Largest f for which the weighted density stays non-negative with these widths (with margin).</summary>
    public const double MaxNegativeFraction = 0.4;

    public static readonly NormalToy Positive = new(0, 1);
    public static readonly NormalToy Negative = new(0, 0.7);

    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"t(x) = [{1 - NegativeFraction:0.##}·N(0, 1) − {NegativeFraction:0.##}·N(0, 0.7)] / {1 - 2 * NegativeFraction:0.##}");

    /// <summary>Draws <paramref name="events"/> events and their weights (±1).</summary>
    public (double[] X, double[] Weights) Sample(int events, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = new double[events];
        var w = new double[events];
        Span<double> one = stackalloc double[1];
        for (var i = 0; i < events; i++)
        {
            var negative = random.NextDouble() < NegativeFraction;
            (negative ? Negative : Positive).Sample(random, one);
            x[i] = one[0];
            w[i] = negative ? -1 : 1;
        }
        return (x, w);
    }

    /// <summary>The weighted density t(x).</summary>
    public double Density(double x) =>
        ((1 - NegativeFraction) * Math.Exp(Positive.LogDensity([x])) - NegativeFraction * Math.Exp(Negative.LogDensity([x]))) / (1 - 2 * NegativeFraction);

    /// <summary>E[w|x], the weight neural resampling gives every event at x.</summary>
    public double MeanWeight(double x)
    {
        var plus = (1 - NegativeFraction) * Math.Exp(Positive.LogDensity([x]));
        var minus = NegativeFraction * Math.Exp(Negative.LogDensity([x]));
        return (plus - minus) / (plus + minus);
    }

    /// <summary>ln of t(x) / N(x; 0, 1): the ratio a classifier of the weighted sample against a plain N(0, 1) sample learns.</summary>
    public double LogRatioToPositive(double x) => Math.Log(Density(x)) - Positive.LogDensity([x]);
}
