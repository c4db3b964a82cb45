using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;
using MlIntro.Web.Components.Pages.Likelihood;
using MlIntro.Web.Tests.Widgets;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Likelihood;

public sealed class LikelihoodResultsTests : ChartTestContext
{
    public LikelihoodResultsTests() => Services.AddMudServices();

    [Fact]
    public void Render_FinalFrameWithEveryPart_DrawsEachPanelAndTheEssNumbers()
    {
        var fit = new GammaFit([0, 0.1, 0.2], [2, 0, 2], 0.1, 0.05, 0.15);
        var feature = new FeatureComparison("x", [0, 1, 2], [4, 2], [3, 3], [0.5, 0.5], [3, 3], [1, 1], 0.3, 0.02);
        var frame = new LikelihoodFrame(
            50, "done", IsFinal: true,
            Ratio: new RatioCurve("x", [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1]),
            Rocs: [new RocCurve("classifier s", [0, 1], [0, 1], 0.7), new RocCurve("exact ratio r(x)", [0, 1], [0, 1], 0.71)],
            Calibration: new CalibrationResult([new ReliabilityBin(0.2, 0.25, 120)], [new ReliabilityBin(0.25, 0.25, 120)]),
            Gamma: new GammaResult(0.1, 1_000, fit, fit),
            Reweighting: new ReweightingResult([feature], 20_000, 20_000, 8_260.4, 0.762, 0.5226, 1, null, null, null),
            NegativeWeights: new NegativeWeightResult(0.3, 20_000, [0, 1, 2], [5, 5], [4, 6], [2, 2], [5, 5], [1, 1], 3_136, 16_877, [0, 1], [0.2, 0.3], [0.2, 0.3], 2));

        var results = Render<LikelihoodResults>(p => p.Add(c => c.Frame, frame).Add(c => c.Members, 1));

        var ess = results.FindAll("[data-testid=ess]").Select(e => e.TextContent).ToList();
        Assert.Equal(2, ess.Count);
        Assert.Contains("20,000 before", ess[0], StringComparison.Ordinal);
        Assert.Contains("8,260 after", ess[0], StringComparison.Ordinal);
        Assert.Contains("3,136 with the ±1 weights", ess[1], StringComparison.Ordinal);
        Assert.Contains("N(1 − 2f)² = 3,200", ess[1], StringComparison.Ordinal);
        Assert.Contains("0.523 after reweighting", results.Find("[data-testid=check-auc]").TextContent, StringComparison.Ordinal);
        Assert.Contains("γ̂ = 0.1 (68 % interval 0.05 to 0.15)", results.Find("[data-testid=gamma-fit]").TextContent, StringComparison.Ordinal);
        Assert.Contains("120", results.Find("[data-testid=reliability-counts]").TextContent, StringComparison.Ordinal);
        Assert.Equal(7, Plotly.CallsTo("newPlot").Count);
    }

    [Fact]
    public void Render_NoFrameYet_SaysWhenTheRatioAppears()
    {
        var results = Render<LikelihoodResults>(p => p.Add(c => c.Frame, null));

        Assert.Contains("appears after the first epochs", results.Find("[data-testid=likelihood-waiting]").TextContent, StringComparison.Ordinal);
    }
}
