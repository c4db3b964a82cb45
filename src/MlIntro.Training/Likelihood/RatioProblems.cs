using System.Globalization;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;

namespace MlIntro.Training.Likelihood;

/// <summary>Draws the events of a likelihood run from its toy, or builds the HIGGS background pair.</summary>
public static class RatioProblems
{
    /// <summary>The HIGGS features the reweighting uses: the seven high-level masses (the classifier's inputs).</summary>
    public static readonly string[] HiggsFeatures = ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb"];

    /// <summary>The feature whose distribution the distortion changes.</summary>
    public const string DistortedFeature = "m_bb";

    /// <summary>Two independent samples of each density (training, test), seeded by the run's seed.</summary>
    public static RatioProblem FromToy(LikelihoodSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var toy = LikelihoodToys.Create(spec);
        var random = new Random(seed);
        var n = spec.EventsPerClass;
        var features = toy.Dimension == 1 ? new[] { "x" } : ["x₁", "x₂"];
        var trainSource = toy.P0.Sample(n, random);
        var trainTarget = toy.P1.Sample(n, random);
        var testSource = toy.P0.Sample(n, random);
        var testTarget = toy.P1.Sample(n, random);
        var ones = Ones(n);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Toy data with exact densities: p0 = {toy.P0.Formula}, p1 = {toy.P1.Formula}; {n:N0} events of each for training and as many again for testing (seed {seed}).");
        return new RatioProblem(
            features,
            WeightedSet.Classes(Floats(trainSource), ones, Floats(trainTarget), ones, toy.Dimension),
            Floats(testSource), ones, Floats(testTarget), ones,
            toy.LogRatios(testSource), toy.LogRatios(testTarget),
            description,
            toy,
            t => toy.Dimension == 1 ? toy.LogRatio([t]) : toy.LogRatio([t, t]),
            toy.RangeMin,
            toy.RangeMax);
    }

    /// <summary>
    /// The negative-weights task's classifier problem: a plain N(0, 1) sample (class 0) against the NLO-like weighted
    /// sample (class 1, weights ±1), whose weighted density is known, so r is exact.
    /// </summary>
    public static RatioProblem FromNlo(NloToy nlo, int events, int seed)
    {
        ArgumentNullException.ThrowIfNull(nlo);
        var random = new Random(seed);
        var trainSource = NloToy.Positive.Sample(events, random);
        var (trainTarget, trainWeights) = nlo.Sample(events, random);
        var testSource = NloToy.Positive.Sample(events, random);
        var (testTarget, testWeights) = nlo.Sample(events, random);
        var ones = Ones(events);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Toy data with exact densities: a plain N(0, 1) sample against an NLO-like sample with {nlo.NegativeFraction:P0} of its events at weight −1, {nlo.Formula}; {events:N0} events of each for training and as many for testing (seed {seed}).");
        return new RatioProblem(
            ["x"],
            WeightedSet.Classes(Floats(trainSource), ones, Floats(trainTarget), Floats(trainWeights), 1),
            Floats(testSource), ones, Floats(testTarget), Floats(testWeights),
            [.. testSource.Select(nlo.LogRatioToPositive)], [.. testTarget.Select(nlo.LogRatioToPositive)],
            description,
            ExactLogRatioAt: nlo.LogRatioToPositive,
            LineMin: -3,
            LineMax: 3);
    }

    /// <summary>
    /// Real HIGGS background events: half of them as they are (source), the other half distorted (target) by keeping each
    /// event with probability g(m_bb)/1.25, g(x) = 0.25 + 1/(1 + e^(−2(x − median))): more events at high m_bb. The exact
    /// ratio is then r(x) = g(x)/E_p0[g], with E_p0[g] the mean of g over all background events of the file.
    /// </summary>
    public static RatioProblem FromHiggs(DatasetSplit split, int seed)
    {
        ArgumentNullException.ThrowIfNull(split);
        var columns = split.Train.FeatureNames;
        var distorted = Array.IndexOf(columns, DistortedFeature);
        if (distorted < 0)
        {
            throw new ArgumentException($"Data.Features: the HIGGS reweighting needs {DistortedFeature}.");
        }
        var background = Background(split.Train).Concat(Background(split.Test)).ToArray();
        var median = WeightStatistics.Quantile([.. background.Select(row => (double)row[distorted])], 0.5);
        double G(float[] row) => 0.25 + 1 / (1 + Math.Exp(-2 * (row[distorted] - median)));
        var meanG = background.Average(G);
        var random = new Random(seed);
        var (trainSource, trainTarget) = Halves(Background(split.Train), G, random);
        var (testSource, testTarget) = Halves(Background(split.Test), G, random);
        double Exact(float[] row) => Math.Log(G(row) / meanG);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{HiggsUciSource.Citation}. Background events only: source = half of them as they are ({trainSource.Length:N0} for training, {testSource.Length:N0} held out); target = the other half kept with probability g(m_bb)/1.25 ({trainTarget.Length:N0} / {testTarget.Length:N0}), the seven high-level masses as inputs.");
        return new RatioProblem(
            columns,
            WeightedSet.Classes(Flatten(trainSource), Ones(trainSource.Length), Flatten(trainTarget), Ones(trainTarget.Length), columns.Length),
            Flatten(testSource), Ones(testSource.Length), Flatten(testTarget), Ones(testTarget.Length),
            [.. testSource.Select(Exact)], [.. testTarget.Select(Exact)],
            description);
    }

    private static IEnumerable<float[]> Background(TabularData data)
    {
        var labels = data.Labels ?? throw new ArgumentException("Data: the HIGGS events need labels.");
        for (var i = 0; i < data.Rows; i++)
        {
            if (labels[i] == 0)
            {
                yield return data.X[(i * data.Columns)..((i + 1) * data.Columns)];
            }
        }
    }

    /// <summary>Alternate events go to the source or, kept with probability g/1.25, to the target.</summary>
    private static (float[][] Source, float[][] Target) Halves(IEnumerable<float[]> rows, Func<float[], double> g, Random random)
    {
        var source = new List<float[]>();
        var target = new List<float[]>();
        var i = 0;
        foreach (var row in rows)
        {
            if (i++ % 2 == 0)
            {
                source.Add(row);
            }
            else if (random.NextDouble() < g(row) / 1.25)
            {
                target.Add(row);
            }
        }
        return ([.. source], [.. target]);
    }

    private static float[] Flatten(float[][] rows) => [.. rows.SelectMany(r => r)];

    private static float[] Floats(double[] values) => [.. values.Select(v => (float)v)];

    private static float[] Ones(int n) => [.. Enumerable.Repeat(1f, n)];
}
