using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Core.Metrics;

using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Pages.Evaluation;

/// <summary>
/// A binary classifier's evaluation frame, and — once the final frame brings the test scores — a live threshold:
/// every move recomputes the confusion matrix and rates with <see cref="ConfusionMatrices.AtThreshold(ReadOnlySpan{float}, ReadOnlySpan{int}, double, ReadOnlySpan{float})"/>
/// over all test events, and places the operating point on the full ROC curve.
/// </summary>
public sealed partial class BinaryEvaluationView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly double[] FixedSignalEfficiencies = [0.5, 0.8, 0.9];
    private EvaluationFrame? _shown;
    private float[]? _scores;
    private int[]? _labels;
    private float[]? _weights;
    private BinaryRoc? _roc;
    private double _threshold = 0.5;
    private bool _hep;
    private bool _logHistogram;
    private BinaryConfusion? _rates;
    private double[][]? _confusion;
    private double[][]? _rawCounts;
    private RocPoint? _point;
    private int _positives;
    private int _negatives;

    [Parameter]
    public EvaluationFrame? Frame { get; set; }

    /// <summary>Which model produced the frame (e.g. "network 8,8"), named in the summary and the ROC legend.</summary>
    [Parameter]
    public string? Model { get; set; }

    private bool Weighted => Frame?.WeightedConfusion is not null || _weights is not null;

    private IReadOnlyList<string> ClassNames => Frame?.ClassNames is { Count: 2 } names ? names : ["background", "signal"];

    private static string F(double? value) => value is { } v ? v.ToString("F3", Inv) : "–";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Frame, _shown))
        {
            return;
        }
        _shown = Frame;
        (_scores, _labels, _weights, _roc) = (Frame?.TestScores, Frame?.TestLabels, Frame?.TestWeights, null);
        if (_scores is not null && _labels is not null)
        {
            _positives = _labels.Count(l => l == 1);
            _negatives = _labels.Length - _positives;
            try
            {
                _roc = Roc.Binary(_scores, _labels, _weights);
            }
            catch (ArgumentException)
            {
                _roc = null; // one class missing from the test set: no curve, the matrix still shows
            }
            Recompute();
        }
        else
        {
            // Live frames: the cut at 0.5 as the trainer counted it.
            (_rates, _point, _rawCounts) = (null, null, null);
            _confusion = EvaluationCells.Confusion(Frame);
        }
    }

    private void MoveThreshold(double threshold)
    {
        _threshold = threshold;
        Recompute();
    }

    private void Recompute()
    {
        if (_scores is null || _labels is null)
        {
            return;
        }
        _rates = ConfusionMatrices.AtThreshold(_scores, _labels, _threshold, _weights);
        _confusion = _rates.ToMatrix().ToArrays();
        _rawCounts = _weights is null ? null : ConfusionMatrices.AtThreshold(_scores, _labels, _threshold).ToMatrix().ToArrays();
        _point = _roc?.EfficienciesAt(_threshold);
    }

    private IEnumerable<(double Efficiency, double BackgroundEfficiency, double Rejection)> Rejections()
    {
        if (_roc is null)
        {
            yield break;
        }
        foreach (var efficiency in FixedSignalEfficiencies)
        {
            yield return (efficiency, _roc.BackgroundEfficiencyAt(efficiency), _roc.BackgroundRejectionAt(efficiency));
        }
    }
}
