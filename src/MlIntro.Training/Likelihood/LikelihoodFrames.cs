using MlIntro.Core.Experiments;
using MlIntro.Core.Metrics;
using MlIntro.Training.Evaluation;

namespace MlIntro.Training.Likelihood;

/// <summary>The parts of a <see cref="LikelihoodFrame"/> that come from a trained classifier: the ratio along a line, ROCs.</summary>
public static class LikelihoodFrames
{
    /// <summary>Points of the line the ratio is drawn along.</summary>
    public const int LinePoints = 121;

    /// <summary>Held-out events whose exact and learned ln r are drawn when there is no line (HIGGS).</summary>
    public const int ScatterEvents = 400;

    public const string ClassifierLabel = "classifier s";
    public const string ExactLabel = "exact ratio r(x)";
    public const string CalibratedLabel = "calibrated classifier";

    public static double[] LinePositions(RatioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return [.. Enumerable.Range(0, LinePoints).Select(i => problem.LineMin + (problem.LineMax - problem.LineMin) * i / (LinePoints - 1))];
    }

    /// <summary>The inputs along the line: x for 1D, (t, t) for 2D.</summary>
    public static float[] LineInputs(RatioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return [.. LinePositions(problem).SelectMany(t => Enumerable.Repeat((float)t, problem.Dimension))];
    }

    /// <summary>The learned ratio (mean and band) against the exact one along the line, or null when there is no line.</summary>
    public static RatioCurve? Curve(RatioProblem problem, RatioClassifier classifier, Func<double, double>? calibrated = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(classifier);
        if (problem.ExactLogRatioAt is not { } exact)
        {
            return null;
        }
        var x = LinePositions(problem);
        var logits = classifier.Logits(LineInputs(problem));
        var (mean, low, high) = RatioEstimates.Band(logits, classifier.PriorShift);
        double[]? calibratedCurve = calibrated is null ? null
            : [.. RatioEstimates.MeanScore(logits).Select(s => RatioEstimates.LogRatio(calibrated(s), 0))];
        return new RatioCurve(problem.Dimension == 1 ? "x" : "x₁ = x₂", x, [.. x.Select(exact)], mean, low, high, calibratedCurve);
    }

    /// <summary>Exact against learned ln r of the first held-out events (data without a line to draw along).</summary>
    public static RatioPoints? Points(RatioProblem problem, double[] testScores, double priorShift)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(testScores);
        if (problem.ExactLogRatioAt is not null)
        {
            return null;
        }
        var exact = problem.TestExact;
        var step = Math.Max(1, exact.Length / ScatterEvents);
        var picked = Enumerable.Range(0, exact.Length).Where(i => i % step == 0).Take(ScatterEvents).ToArray();
        return new RatioPoints([.. picked.Select(i => exact[i])], [.. picked.Select(i => RatioEstimates.LogRatio(testScores[i], priorShift))]);
    }

    /// <summary>ROC curves on the held-out events (weighted): the classifier's, the exact ratio's, and optionally the calibrated classifier's.</summary>
    public static IReadOnlyList<RocCurve> Rocs(RatioProblem problem, double[] testScores, double[]? calibratedScores = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var test = problem.Test;
        var labels = test.Targets.Select(t => t > 0.5f ? 1 : 0).ToArray();
        var weights = test.Weights.Select(w => (double)w).ToArray();
        var curves = new List<RocCurve>
        {
            EvaluationFrames.ToCurve(Roc.Binary(testScores, labels, weights), ClassifierLabel),
            EvaluationFrames.ToCurve(Roc.Binary(problem.TestExact, labels, weights), ExactLabel),
        };
        if (calibratedScores is not null)
        {
            curves.Add(EvaluationFrames.ToCurve(Roc.Binary(calibratedScores, labels, weights), CalibratedLabel));
        }
        return curves;
    }
}
