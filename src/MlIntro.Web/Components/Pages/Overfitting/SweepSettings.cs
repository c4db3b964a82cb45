using System.Globalization;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// The capacity sweep: two-hidden-layer ELU networks of widths 1 to 512, trained side by side on the same HIGGS events, one
/// point per network (its latest training and held-out loss against its number of parameters); and its definition both ways.
/// </summary>
public sealed record SweepSettings(int Events = 1000, int Epochs = 100)
{
    public const string Prefix = "width ";
    public const int HiggsFeatures = 28;

    public static IReadOnlyList<int> Widths { get; } = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

    public ExperimentDefinition ToDefinition() => CapacityLadder.Definition(
        [.. Widths.Select(w => new NamedModel(Name(w), new ModelSpec([new HiddenLayer(w), new HiddenLayer(w)], Activation.ELU)))],
        Math.Clamp(Events, LadderSettings.MinEvents, LadderSettings.MaxEvents),
        labelNoise: 0,
        Math.Clamp(Epochs, 1, LadderSettings.MaxEpochs));

    /// <summary>The sweep's settings when <paramref name="definition"/> is one of its runs, else null.</summary>
    public static SweepSettings? FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Ladder is { Count: > 0 } ladder && ladder.All(r => r.Name.StartsWith(Prefix, StringComparison.Ordinal))
            ? new SweepSettings(definition.RequiredData.Points, definition.RequiredTraining.Epochs)
            : null;
    }

    public static string Name(int width) => Prefix + width.ToString(CultureInfo.InvariantCulture);

    /// <summary>Weights and biases of a 28-w-w-1 network.</summary>
    public static int Parameters(int width) => ((HiggsFeatures + 1) * width) + ((width + 1) * width) + width + 1;

    /// <summary>The width a model of the sweep is named after.</summary>
    public static int? WidthOf(string series) =>
        series.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(series.AsSpan(Prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : null;
}
