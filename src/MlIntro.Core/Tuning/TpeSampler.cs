namespace MlIntro.Core.Tuning;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl, NeurIPS 2011), univariate as Optuna's
/// default: the finished trials are split into the best γ and the rest; per dimension, a Parzen density l(x) of the
/// good values and g(x) of the others (each with a flat prior); candidates are drawn from l and the one with the
/// largest l(x)/g(x) is proposed. The first <see cref="StartupTrials"/> trials are random.
/// </summary>
/// <remarks>
/// Written here because no maintained .NET implementation is served to this project (Optuna, Hyperopt and Ray Tune are
/// Python). Densities live on each dimension's [0, 1] position (log scale for log ranges) with Gaussian kernels
/// truncated to [0, 1]; a choice uses smoothed counts. Seeded per trial number, so a study is reproducible.
/// </remarks>
public sealed class TpeSampler(IReadOnlyList<SearchDimension> dimensions, int seed) : ITrialSampler
{
    /// <summary>Trials drawn at random before the model is trusted (Optuna's default).</summary>
    public const int StartupTrials = 10;

    /// <summary>Candidates drawn from l(x) per dimension (Optuna's default).</summary>
    public const int Candidates = 24;

    private readonly RandomSampler _random = new(dimensions, seed);

    public IReadOnlyDictionary<string, double> Sample(int number, IReadOnlyList<SampledTrial> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scored = history.Where(t => t.Loss is { } l && double.IsFinite(l)).ToList();
        if (scored.Count < StartupTrials)
        {
            return _random.Sample(number, history);
        }
        // Pruned trials rank after every complete one, as their value is from fewer epochs.
        var ranked = scored.OrderBy(t => t.Pruned).ThenBy(t => t.Loss).ToList();
        var good = Math.Min((int)Math.Ceiling(0.25 * ranked.Count), 25);
        var random = TrialSamplers.RandomFor(seed, number);
        var values = new Dictionary<string, double>();
        foreach (var dimension in dimensions)
        {
            var below = ranked.Take(good).Select(t => t.Values[dimension.Name]).ToList();
            var above = ranked.Skip(good).Select(t => t.Values[dimension.Name]).ToList();
            values[dimension.Name] = dimension.Kind == DimensionKind.Categorical
                ? BestChoice(dimension, below, above, random)
                : BestNumber(dimension, below, above, random);
        }
        return values;
    }

    private static double BestChoice(SearchDimension dimension, List<double> below, List<double> above, Random random)
    {
        var k = dimension.Choices.Count;
        double[] Weights(List<double> values)
        {
            // One pseudo-count per choice: the prior, so an unseen choice keeps a chance.
            var counts = Enumerable.Repeat(1.0, k).ToArray();
            foreach (var v in values)
            {
                counts[(int)v]++;
            }
            var total = counts.Sum();
            return [.. counts.Select(c => c / total)];
        }
        var l = Weights(below);
        var g = Weights(above);
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            var choice = Draw(l, random);
            var score = Math.Log(l[choice]) - Math.Log(g[choice]);
            if (score > bestScore)
            {
                (best, bestScore) = (choice, score);
            }
        }
        return best;
    }

    private static double BestNumber(SearchDimension dimension, List<double> below, List<double> above, Random random)
    {
        var l = new Parzen([.. below.Select(dimension.ToUnit)]);
        var g = new Parzen([.. above.Select(dimension.ToUnit)]);
        var best = 0.5;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            var x = l.Draw(random);
            var score = Math.Log(l.Density(x)) - Math.Log(g.Density(x));
            if (score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }
        return dimension.FromUnit(best);
    }

    private static int Draw(double[] weights, Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u <= 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>
    /// Equal-weight mixture of the flat prior on [0, 1] and a Gaussian per point, each truncated to [0, 1]; a point's
    /// width is the larger gap to its neighbours (Hyperopt's rule), clipped to [1 / min(100, n + 1), 1].
    /// </summary>
    private sealed class Parzen
    {
        private readonly double[] _mu;
        private readonly double[] _sigma;

        public Parzen(double[] points)
        {
            var sorted = points.Order().ToArray();
            _mu = sorted;
            _sigma = new double[sorted.Length];
            var least = 1.0 / Math.Min(100, sorted.Length + 1);
            for (var i = 0; i < sorted.Length; i++)
            {
                var left = i == 0 ? sorted[i] : sorted[i] - sorted[i - 1];
                var right = i == sorted.Length - 1 ? 1 - sorted[i] : sorted[i + 1] - sorted[i];
                _sigma[i] = Math.Clamp(Math.Max(left, right), least, 1);
            }
        }

        private int Components => _mu.Length + 1;

        public double Draw(Random random)
        {
            var component = random.Next(Components);
            if (component == _mu.Length)
            {
                return random.NextDouble();
            }
            // Rejection keeps the kernel truncated to [0, 1]; clip after a few misses (a kernel at an edge).
            for (var attempt = 0; attempt < 32; attempt++)
            {
                var x = _mu[component] + _sigma[component] * StandardNormal(random);
                if (x is >= 0 and <= 1)
                {
                    return x;
                }
            }
            return Math.Clamp(_mu[component], 0, 1);
        }

        public double Density(double x)
        {
            var sum = 1.0; // the flat prior
            for (var i = 0; i < _mu.Length; i++)
            {
                var z = (x - _mu[i]) / _sigma[i];
                var mass = NormalCdf((1 - _mu[i]) / _sigma[i]) - NormalCdf(-_mu[i] / _sigma[i]);
                sum += Math.Exp(-0.5 * z * z) / (_sigma[i] * Math.Sqrt(2 * Math.PI) * Math.Max(mass, 1e-12));
            }
            return sum / Components;
        }

        private static double StandardNormal(Random random)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        /// <summary>Φ(z) through erf, Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
        private static double NormalCdf(double z)
        {
            var x = Math.Abs(z) / Math.Sqrt(2);
            var t = 1 / (1 + 0.3275911 * x);
            var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
    }
}
