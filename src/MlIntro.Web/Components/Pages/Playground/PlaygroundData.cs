using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>What the Playground draws of its data before any training: the label, the points, the feature thumbnails.</summary>
/// <param name="Plane">The input square's range (null for data without a plane).</param>
public sealed record PlaygroundData(string Label, IReadOnlyList<ITrace>? Points, int Outputs, IReadOnlyList<float[]>? FeatureImages,
    (double Min, double Max)? Plane = null)
{
    /// <summary>Loads the settings' data set; throws <see cref="ArgumentException"/> with a sentence for the page.</summary>
    public static PlaygroundData Load(DatasetCatalog catalog, PlaygroundSettings settings, bool showTest)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var split = catalog.Load(settings.ToDefinition(1).RequiredData, settings.Seed, CancellationToken.None);
            var outputs = settings.Problem == ProblemKind.Classification && split.ClassNames.Count > 2 ? split.ClassNames.Count : 1;
            return split.Plane is null
                ? new PlaygroundData(split.Description, null, outputs, null)
                : new PlaygroundData(split.Description, PlaygroundPoints.Traces(split.Plane, settings.Problem, showTest), outputs,
                    Playground.FeatureImages.Of(split.Plane.Min, split.Plane.Max), (split.Plane.Min, split.Plane.Max));
        }
        catch (ArgumentException) when (settings.IsUpload)
        {
            throw new ArgumentException("This run used a file uploaded by its author, which is not on the server any more: upload it again.");
        }
    }
}
