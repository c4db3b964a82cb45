using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Training.Likelihood;
using MlIntro.Web.Components.Pages.Likelihood;
using MlIntro.Web.Tests.Widgets;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Likelihood;

/// <summary>Issue 15 in the likelihood lesson: the trees' ROC beside the network's, and what the libraries do with negative weights.</summary>
public sealed class NegativeWeightLibrariesTests : ChartTestContext
{
    public NegativeWeightLibrariesTests() => Services.AddMudServices();

    [Fact]
    public void Render_NegativeWeightRun_ShowsTheTreesRocAndWhichLibrariesTakeNegativeWeights()
    {
        var negative = new NegativeWeightResult(0.2, 20_000, [0, 1, 2], [5, 5], [4, 6], [2, 2], [5, 5], [1, 1], 7_200, 16_877, [0, 1], [0.2, 0.3], [0.2, 0.3], 2);
        var frame = new LikelihoodFrame(30, "done", IsFinal: true,
            Rocs: [new RocCurve("weighted classifier", [0, 1], [0, 1], 0.801), new RocCurve(WeightedTrees.Label, [0, 1], [0, 1], 0.812)],
            NegativeWeights: negative);

        var results = Render<LikelihoodResults>(p => p.Add(c => c.Frame, frame).Add(c => c.Members, 1));

        var legend = results.FindAll("[data-testid=roc-legend] li").Select(li => li.TextContent).ToList();
        var libraries = results.Find("[data-testid=negative-weight-libraries]").TextContent;
        Assert.Contains("boosted trees (LightGBM), weights ±1, AUC = 81.2%", legend);
        Assert.Contains("LightGBM trains with negative weights", libraries, StringComparison.Ordinal);
        Assert.Contains("documentation still says weights should be non-negative", libraries, StringComparison.Ordinal);
        Assert.Contains("the bound counts events, not weight", libraries, StringComparison.Ordinal);
        Assert.Contains("XGBoost refuses", libraries, StringComparison.Ordinal);
    }
}
