using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;
using MlIntro.Training.Runs;
using TorchSharp;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// The negative-weights task: a classifier trained with each event's loss multiplied by its weight (±1) learns the
/// ratio of the weighted sample to a plain one; then neural resampling (Nachman &amp; Thaler, arXiv:2007.11586) learns
/// E[w|x] with a regression network and gives every event that weight: the histogram keeps its shape within the
/// statistical errors while the effective sample size rises.
/// </summary>
public sealed class NegativeWeightRun(ExperimentRun run, torch.Device device)
{
    public const string ResamplerSeries = "resampler";
    public const int Bins = 24;
    public const double HistogramMin = -3;
    public const double HistogramMax = 3;

    private readonly ExperimentDefinition _definition = run.Definition;
    private readonly LikelihoodSpec _spec = run.Definition.Likelihood ?? throw new ArgumentException("Likelihood: the run needs the likelihood part.");

    public (ExperimentStatus Status, string? Message) Execute(CancellationToken token)
    {
        var nlo = new NloToy(_spec.NegativeFraction);
        var problem = RatioProblems.FromNlo(nlo, _spec.EventsPerClass, _definition.Seed);
        var epochs = _definition.RequiredTraining.Epochs;
        using var classifier = new RatioClassifier(_definition, problem.Train, problem.Test, _spec.Ensemble, _definition.Seed, device);
        var exactRoc = LikelihoodFrames.Rocs(problem, problem.TestExact)[1];
        LikelihoodFrame Live(int epoch) => new(epoch, RatioRun.ClassifierSeries,
            Ratio: LikelihoodFrames.Curve(problem, classifier),
            Rocs: [LikelihoodFrames.Rocs(problem, classifier.Scores(problem.Test.X))[0], exactRoc]);
        if (!LiveTraining.Run(run, epochs, e => classifier.TrainEpoch(e, RatioRun.ClassifierSeries, token), Live, token))
        {
            return (ExperimentStatus.Diverged, "The classifier's loss diverged: try a smaller learning rate.");
        }
        var rocs = LikelihoodFrames.Rocs(problem, classifier.Scores(problem.Test.X));
        var curve = LikelihoodFrames.Curve(problem, classifier);
        // Trees beside the network, on the same weighted events (the lecture: LightGBM accepts negative weights).
        rocs = [.. rocs, WeightedTrees.Roc(problem, WeightedTrees.TestScores(problem, _definition.Seed, token))];

        var resampled = Resample(problem, nlo, token);
        if (resampled is null)
        {
            return (ExperimentStatus.Diverged, "The resampler's loss diverged: try a smaller learning rate.");
        }
        LiveTraining.Publish(run, new LikelihoodFrame(epochs, "done", IsFinal: true, Ratio: curve, Rocs: rocs, NegativeWeights: resampled));
        return (ExperimentStatus.Finished, null);
    }

    /// <summary>Learns E[w|x] on the training half of the weighted sample, then replaces the held-out events' weights by it.</summary>
    private NegativeWeightResult? Resample(RatioProblem problem, NloToy nlo, CancellationToken token)
    {
        var n = _spec.EventsPerClass;
        // The weighted sample is the second class of the training set; regress its weights (each event counting once).
        var weighted = problem.Train.Slice(n, n);
        var regression = new WeightedSet(weighted.X, 1, weighted.Weights, [.. Enumerable.Repeat(1f, n)]);
        using var trainer = new EnsembleTrainer(_definition, 1, 1, ProblemKind.Regression, unchecked(_definition.Seed + 2), device);
        using var tensors = new WeightedTensors(regression, device);
        if (!LiveTraining.Run(run, _definition.RequiredTraining.Epochs,
            e => new EpochMetrics(e, trainer.TrainEpoch(tensors, token), null, Series: ResamplerSeries), null, token))
        {
            return null;
        }
        using var testX = torch.tensor(problem.TestTarget, [problem.TestTarget.Length, 1], device: device);
        var learned = trainer.Predict(testX)[0];
        var line = Enumerable.Range(0, LikelihoodFrames.LinePoints)
            .Select(i => HistogramMin + (HistogramMax - HistogramMin) * i / (LikelihoodFrames.LinePoints - 1)).ToArray();
        using var lineX = torch.tensor(line.Select(v => (float)v).ToArray(), [line.Length, 1], device: device);
        return Report(nlo, [.. problem.TestTarget.Select(v => (double)v)], [.. problem.TestTargetWeights.Select(w => (double)w)], learned,
            line, trainer.Predict(lineX)[0]);
    }

    /// <summary>The histograms, ESS and E[w|x] curves of the held-out weighted sample before and after resampling. Pure C#.</summary>
    public static NegativeWeightResult Report(NloToy nlo, double[] x, double[] weights, double[] resampled, double[] line, double[] learnedLine)
    {
        ArgumentNullException.ThrowIfNull(nlo);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(line);
        var edges = WeightedHistogram.UniformEdges(HistogramMin, HistogramMax, Bins);
        var before = WeightedHistogram.Fill(x, weights, edges);
        var after = WeightedHistogram.Fill(x, resampled, edges);
        // E[Σw in a bin] = n(1 − f)P₊(bin) − n f P₋(bin) = n(1 − 2f)∫ t.
        var expected = Enumerable.Range(0, Bins)
            .Select(b => x.Length * (1 - 2 * nlo.NegativeFraction) * Integrate(nlo.Density, edges[b], edges[b + 1])).ToArray();
        // The learned E[w|x] carries the statistical fluctuation of its training sample, as large as this one: the
        // resampled sum's own √Σw̄² understates its error, so the weighted sample's √Σw² is added in quadrature.
        var afterErrors = after.SumSquares.Zip(before.SumSquares, (a, b) => Math.Sqrt(a + b)).ToArray();
        var within = Enumerable.Range(0, Bins).Count(b => Math.Abs(after.Sums[b] - expected[b]) <= 2 * afterErrors[b]);
        var positive = weights.Select(w => w > 0 ? 1.0 : 0.0).ToArray();
        var dropped = WeightedHistogram.Fill(x, positive, edges).ScaledTo(weights.Sum());
        return new NegativeWeightResult(
            nlo.NegativeFraction,
            x.Length,
            edges,
            expected,
            before.Sums,
            before.Errors,
            after.Sums,
            afterErrors,
            WeightStatistics.EffectiveSampleSize(weights),
            WeightStatistics.EffectiveSampleSize(resampled),
            line,
            [.. line.Select(nlo.MeanWeight)],
            learnedLine,
            within,
            dropped.Sums);
    }

    /// <summary>Simpson's rule with 64 intervals: the density is smooth, far below the histograms' errors.</summary>
    private static double Integrate(Func<double, double> f, double a, double b)
    {
        const int steps = 64;
        var h = (b - a) / steps;
        var sum = f(a) + f(b);
        for (var i = 1; i < steps; i++)
        {
            sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
