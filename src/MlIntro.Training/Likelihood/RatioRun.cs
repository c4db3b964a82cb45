using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;
using MlIntro.Core.Metrics;
using MlIntro.Training.Runs;
using TorchSharp;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// The lesson's main run: the classifier trick live (ln r̂ against ln r, both ROCs), then calibration, the γ fit of the
/// mixture toy, and the reweighting of held-out source events towards the target with w = r̂, judged by histograms, KS
/// distances, the ESS and a fresh check classifier.
/// </summary>
public sealed class RatioRun(ExperimentRun run, RatioProblem problem, torch.Device device)
{
    public const string CheckSeries = "check";
    public const string ClassifierSeries = "classifier";
    public const int CalibrationBins = 20;
    public const int ReliabilityBins = 10;

    private readonly ExperimentDefinition _definition = run.Definition;
    private readonly LikelihoodSpec _spec = run.Definition.Likelihood ?? throw new ArgumentException("Likelihood: the run needs the likelihood part.");

    public (ExperimentStatus Status, string? Message) Execute(CancellationToken token)
    {
        var epochs = _definition.RequiredTraining.Epochs;
        using var classifier = new RatioClassifier(_definition, problem.Train, problem.Test, _spec.Ensemble, _definition.Seed, device);
        var testX = problem.Test.X;
        var exactRocs = LikelihoodFrames.Rocs(problem, problem.TestExact);
        LikelihoodFrame Live(int epoch)
        {
            var scores = classifier.Scores(testX);
            return new LikelihoodFrame(epoch, ClassifierSeries,
                Ratio: LikelihoodFrames.Curve(problem, classifier),
                RatioPoints: LikelihoodFrames.Points(problem, scores, classifier.PriorShift),
                Rocs: [LikelihoodFrames.Rocs(problem, scores)[0], exactRocs[1]]);
        }
        if (!LiveTraining.Run(run, epochs, e => classifier.TrainEpoch(e, ClassifierSeries, token), Live, token))
        {
            return (ExperimentStatus.Diverged, "The classifier's loss diverged: try a smaller learning rate.");
        }

        var testScores = classifier.Scores(testX);
        var labels = problem.Test.Targets.Select(t => t > 0.5f ? 1 : 0).ToArray();
        var (calibrator, calibration) = Calibrate(testScores, labels);
        var calibratedScores = testScores.Select(calibrator.Apply).ToArray();
        var rocs = LikelihoodFrames.Rocs(problem, testScores, calibratedScores);
        var gamma = _spec.Toy == LikelihoodToyKind.Mixture ? FitGamma(classifier) : null;
        var reweighting = Reweight(classifier, rocs[0].Auc, token);
        LiveTraining.Publish(run, new LikelihoodFrame(epochs, "done", IsFinal: true,
            Ratio: LikelihoodFrames.Curve(problem, classifier, calibrator.Apply),
            RatioPoints: LikelihoodFrames.Points(problem, testScores, classifier.PriorShift),
            Rocs: rocs,
            Calibration: calibration,
            Gamma: gamma,
            Reweighting: reweighting));
        return (ExperimentStatus.Finished, null);
    }

    /// <summary>Histogram calibration fitted on every other held-out event; the reliability diagrams on the rest.</summary>
    private static (HistogramCalibrator Calibrator, CalibrationResult Result) Calibrate(double[] scores, int[] labels)
    {
        var fitScores = scores.Where((_, i) => i % 2 == 0).ToArray();
        var fitLabels = labels.Where((_, i) => i % 2 == 0).ToArray();
        var checkScores = scores.Where((_, i) => i % 2 == 1).ToArray();
        var checkLabels = labels.Where((_, i) => i % 2 == 1).ToArray();
        var calibrator = Calibration.Fit(fitScores, fitLabels, CalibrationBins);
        return (calibrator, new CalibrationResult(
            Calibration.Reliability(checkScores, checkLabels, ReliabilityBins),
            Calibration.Reliability([.. checkScores.Select(calibrator.Apply)], checkLabels, ReliabilityBins)));
    }

    /// <summary>−2 ln Λ(γ) on one pseudo-data set drawn at the toy's γ, from the exact ratio and from r̂ (amortised: one classifier serves every γ).</summary>
    private GammaResult FitGamma(RatioClassifier classifier)
    {
        var truth = LikelihoodToys.Mixture(_spec.Gamma);
        var background = LikelihoodToys.Mixture(0);
        var pseudo = truth.Sample(_spec.PseudoEvents, new Random(unchecked(_definition.Seed * 31 + 17)));
        var exact = pseudo.Select(x => Math.Exp(truth.LogDensity([x]) - background.LogDensity([x]))).ToArray();
        var learned = classifier.Ratios([.. pseudo.Select(x => (float)x)]);
        var maxGamma = Math.Min(1, Math.Max(0.2, 5 * _spec.Gamma));
        return new GammaResult(_spec.Gamma, _spec.PseudoEvents, GammaScan.Fit(exact, _spec.Gamma, maxGamma), GammaScan.Fit(learned, _spec.Gamma, maxGamma));
    }

    private ReweightingResult Reweight(RatioClassifier classifier, double aucBefore, CancellationToken token)
    {
        var raw = classifier.Ratios(problem.TestSource);
        var weights = WeightStatistics.ClipAtQuantile(raw, _spec.ClipQuantile);
        var clipping = _spec.ClipQuantile < 1;
        var features = ReweightingReport.Compare(problem, weights);
        double? bias = clipping ? ReweightingReport.Mismatch(features[0]) - ReweightingReport.Mismatch(ReweightingReport.Compare(problem, raw)[0]) : null;
        return new ReweightingResult(
            features,
            raw.Length,
            WeightStatistics.EffectiveSampleSize([.. problem.TestSourceWeights.Select(w => (double)w)]),
            WeightStatistics.EffectiveSampleSize(weights),
            aucBefore,
            _spec.CheckEpochs > 0 ? CheckAuc(weights, token) : null,
            _spec.ClipQuantile,
            clipping ? weights.Max() : null,
            clipping ? WeightStatistics.EffectiveSampleSize(raw) : null,
            bias);
    }

    /// <summary>
    /// The standard test of a reweighting: a fresh classifier of reweighted source against target, trained on half the
    /// held-out events and judged (weighted AUC) on the other half. 0.5 means it cannot tell them apart.
    /// </summary>
    private double CheckAuc(double[] weights, CancellationToken token)
    {
        var d = problem.Dimension;
        var sourceRows = weights.Length;
        var targetRows = problem.TestTargetWeights.Length;
        var (sourceHalf, targetHalf) = (sourceRows / 2, targetRows / 2);
        var sourceWeights = weights.Select((w, i) => (float)(w * problem.TestSourceWeights[i])).ToArray();
        var train = WeightedSet.Classes(problem.TestSource[..(sourceHalf * d)], sourceWeights[..sourceHalf],
            problem.TestTarget[..(targetHalf * d)], problem.TestTargetWeights[..targetHalf], d);
        var judge = WeightedSet.Classes(problem.TestSource[(sourceHalf * d)..], sourceWeights[sourceHalf..],
            problem.TestTarget[(targetHalf * d)..], problem.TestTargetWeights[targetHalf..], d);
        using var check = new RatioClassifier(_definition, train, judge, 1, unchecked(_definition.Seed + 1), device);
        if (!LiveTraining.Run(run, _spec.CheckEpochs, e => check.TrainEpoch(e, CheckSeries, token), null, token))
        {
            return double.NaN;
        }
        var scores = check.Scores(judge.X);
        return Roc.Binary(scores, [.. judge.Targets.Select(t => t > 0.5f ? 1 : 0)], [.. judge.Weights.Select(w => (double)w)]).Auc;
    }
}
