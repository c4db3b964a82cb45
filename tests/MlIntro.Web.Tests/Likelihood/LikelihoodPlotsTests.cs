using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Likelihood;

namespace MlIntro.Web.Tests.Likelihood;

public sealed class LikelihoodPlotsTests
{
    [Fact]
    public void Ratio_LogRatios_DrawnAsRatiosOnALogAxisWithABandForAnEnsemble()
    {
        var curve = new RatioCurve("x", [0, 1], [0, Math.Log(2)], [0.1, 0.5], [0, 0.4], [0.2, 0.6]);

        var spec = LikelihoodPlots.Ratio(curve, members: 3);

        Assert.True(spec.LogY);
        Assert.Equal([1, 2], spec.Series[0].Y, new ToleranceComparer(1e-12));
        Assert.Equal([Math.Exp(0.1), Math.Exp(0.5)], spec.Series[1].Y, new ToleranceComparer(1e-12));
        Assert.Equal(4, spec.Series.Count);
    }

    [Fact]
    public void Feature_RatioPanel_IsEachHistogramOverTheTargetByHand()
    {
        var feature = new FeatureComparison("x", [0, 1, 2], Source: [4, 2], Reweighted: [3, 3], ReweightedErrors: [0.6, 0.3], Target: [2, 4], TargetErrors: [1, 1], KsBefore: 0.3, KsAfter: 0.1);

        var spec = LikelihoodPlots.Feature(feature);

        var ratios = spec.Series.Where(s => s.InRatioPanel).ToList();
        Assert.Equal([0.5, 1.5], spec.Series[0].X);
        Assert.Equal([2.0, 0.5], ratios[0].Y);
        Assert.Equal([1.5, 0.75], ratios[1].Y);
        Assert.Equal([0.3, 0.075], ratios[1].Errors!);
        Assert.Equal("÷ target", spec.RatioTitle);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
