using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Training.Likelihood;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Likelihood;

[Collection("torch")]
public sealed class LikelihoodToyRunTests(ITestOutputHelper output)
{
    [Fact]
    public void Execute_MixtureToy_ExactFitCoversTheTruthAndTheLearnedFitIsClose()
    {
        var definition = LikelihoodRuns.Definition(new LikelihoodSpec(Toy: LikelihoodToyKind.Mixture, EventsPerClass: 20_000, Gamma: 0.1, CheckEpochs: 0, PseudoEvents: 2_000), epochs: 30);

        var log = LikelihoodRuns.Run(definition);

        var gamma = log.Final().Gamma!;
        output.WriteLine($"exact γ̂ {gamma.Exact.Best:F3} [{gamma.Exact.Lower:F3}, {gamma.Exact.Upper:F3}], learned {gamma.Learned.Best:F3} [{gamma.Learned.Lower:F3}, {gamma.Learned.Upper:F3}]");
        Assert.InRange(0.1, gamma.Exact.Lower, gamma.Exact.Upper);
        Assert.InRange(gamma.Learned.Best, gamma.Exact.Lower - (gamma.Exact.Upper - gamma.Exact.Lower), gamma.Exact.Upper + (gamma.Exact.Upper - gamma.Exact.Lower));
    }

    [Fact]
    public void Execute_CorrelatedGaussiansWithEnsembleOfThree_BandAroundTheMeanAndCalibrationPerBin()
    {
        var definition = LikelihoodRuns.Definition(new LikelihoodSpec(Toy: LikelihoodToyKind.Gaussians2D, EventsPerClass: 5_000, Ensemble: 3, CheckEpochs: 5), epochs: 10);

        var log = LikelihoodRuns.Run(definition);

        var frame = log.Final();
        var curve = frame.Ratio!;
        Assert.Equal("x₁ = x₂", curve.Line);
        Assert.True(Enumerable.Range(0, curve.X.Length).All(i => curve.Low[i] <= curve.Learned[i] && curve.Learned[i] <= curve.High[i]));
        Assert.True(Enumerable.Range(0, curve.X.Length).Any(i => curve.High[i] - curve.Low[i] > 1e-4), "three members with different initial weights disagree somewhere");
        Assert.Equal(2, frame.Reweighting!.Features.Count);
        Assert.Equal(5_000, frame.Calibration!.Raw.Sum(b => b.Count));
    }

    [Fact]
    public void Execute_HiggsBackgroundDistorted_ReweightingLowersTheCheckAucAndTheMbbDistance()
    {
        var spec = new LikelihoodSpec(Toy: LikelihoodToyKind.HiggsBackground, CheckEpochs: 30);
        var definition = LikelihoodRuns.Definition(spec, epochs: 60) with
        {
            Data = new MlIntro.Core.Experiments.DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.5, Features: RatioProblems.HiggsFeatures),
            Training = new TrainingSpec(60, 256, FrameIntervalMs: 60_000),
        };

        var log = LikelihoodRuns.Run(definition);

        var frame = log.Final();
        var reweighting = frame.Reweighting!;
        var mbb = reweighting.Features.Single(f => f.Name == RatioProblems.DistortedFeature);
        output.WriteLine($"AUC {reweighting.AucBefore:F3} → check {reweighting.CheckAuc:F3}; m_bb KS {mbb.KsBefore:F3} → {mbb.KsAfter:F3}; ESS {reweighting.EssBefore:F0} → {reweighting.EssAfter:F0}");
        Assert.Null(frame.Ratio);
        Assert.NotNull(frame.RatioPoints);
        Assert.True(mbb.KsAfter < mbb.KsBefore / 2, $"m_bb KS {mbb.KsBefore} → {mbb.KsAfter}");
        Assert.True(reweighting.CheckAuc < reweighting.AucBefore, $"AUC {reweighting.AucBefore} → {reweighting.CheckAuc}");
    }
}
