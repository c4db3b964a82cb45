using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>What playground-map.js needs to evaluate and draw a network from its parameters (JSON for mlintro.playground.configure).</summary>
/// <param name="Chart">The id of the BoundaryChart whose placeholder heatmap becomes the output map.</param>
/// <param name="Sizes">Inputs, each hidden layer's width, outputs.</param>
/// <param name="Low">Value at the orange end of the colour scale (0 for probabilities, -1 for regression).</param>
public sealed record BrowserNetwork(
    string Chart, IReadOnlyList<string> Features, string Activation, string Problem, IReadOnlyList<int> Sizes,
    double Min, double Max, double Low, double High)
{
    public static BrowserNetwork Of(string chart, PlaygroundSettings settings, int outputs, (double Min, double Max) plane)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var regression = settings.Problem == ProblemKind.Regression;
        return new BrowserNetwork(chart, settings.FeatureList, settings.Activation.ToString(), settings.Problem.ToString(),
            [settings.FeatureList.Count, .. settings.HiddenLayers, outputs], plane.Min, plane.Max, regression ? -1 : 0, 1);
    }
}
