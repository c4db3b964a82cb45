using MlIntro.Core.Experiments;
using static TorchSharp.torch;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// A classifier (or an ensemble) of class 0 against class 1 of a <see cref="WeightedSet"/>, with what the classifier
/// trick needs afterwards: the mean score s of any events and the prior shift ln(N0/N1) of its training set.
/// </summary>
public sealed class RatioClassifier : IDisposable
{
    private readonly EnsembleTrainer _trainer;
    private readonly WeightedTensors _train;
    private readonly WeightedTensors? _test;
    private readonly Device _device;
    private readonly int _features;

    public RatioClassifier(ExperimentDefinition definition, WeightedSet train, WeightedSet? test, int members, int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(train);
        _device = device;
        _features = train.Features;
        PriorShift = RatioEstimates.PriorShift(train.ClassTotals());
        _trainer = new EnsembleTrainer(definition, train.Features, members, ProblemKind.Classification, seed, device);
        _train = new WeightedTensors(train, device);
        _test = test is null ? null : new WeightedTensors(test, device);
    }

    /// <summary>ln(N0/N1) of the training set (by weight).</summary>
    public double PriorShift { get; }

    public int Members => _trainer.Net.Members;

    /// <summary>One epoch; the metrics carry the test loss when a test set was given.</summary>
    public EpochMetrics TrainEpoch(int epoch, string series, CancellationToken token)
    {
        var trainLoss = _trainer.TrainEpoch(_train, token);
        return new EpochMetrics(epoch, trainLoss, _test is null ? null : _trainer.Loss(_test), Series: series);
    }

    /// <summary>Every member's logit per event: [member][event].</summary>
    public double[][] Logits(float[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var input = tensor(x, [x.Length / _features, _features], device: _device);
        return _trainer.Predict(input);
    }

    /// <summary>The ensemble's mean s per event.</summary>
    public double[] Scores(float[] x) => RatioEstimates.MeanScore(Logits(x));

    /// <summary>r̂ = s/(1 − s)·N0/N1 per event.</summary>
    public double[] Ratios(float[] x) => [.. Scores(x).Select(s => Math.Exp(RatioEstimates.LogRatio(s, PriorShift)))];

    public void Dispose()
    {
        _trainer.Dispose();
        _train.Dispose();
        _test?.Dispose();
    }
}
