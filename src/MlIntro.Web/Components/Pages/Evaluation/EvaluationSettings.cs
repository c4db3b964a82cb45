using System.Globalization;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Pages.Evaluation;

/// <summary>The evaluation lesson's controls, and their definition both ways (a fork link fills the page).</summary>
/// <param name="Hidden">Hidden layer widths as typed, e.g. "8,8"; empty for logistic regression.</param>
public sealed record EvaluationSettings(string Data, string Hidden = "8,8", int Epochs = 40, double LearningRate = 0.01)
{
    public static EvaluationSettings Default { get; } = new(GaussTutorialSource.Name);

    /// <summary>Throws <see cref="FormatException"/> when <see cref="Hidden"/> is not a list of whole numbers.</summary>
    public ExperimentDefinition ToDefinition(DataSpec data)
    {
        var hidden = Hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new HiddenLayer(int.Parse(n, NumberStyles.Integer, CultureInfo.InvariantCulture)))
            .ToList();
        return new ExperimentDefinition(
            Lesson.Evaluation,
            data,
            new ModelSpec(hidden, Activation.ReLU),
            new OptimizerSpec(OptimizerKind.Adam, LearningRate),
            new TrainingSpec(Epochs, BatchSize: 32, FrameIntervalMs: 500),
            Seed: 1);
    }

    public static EvaluationSettings FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hidden = HiddenLayerText.Format(definition.RequiredModel.HiddenLayers);
        return new EvaluationSettings(definition.RequiredData.Name, hidden, definition.RequiredTraining.Epochs, definition.RequiredOptimizer.LearningRate);
    }

    /// <summary>The data of a choice: the tutorial's Gaussians and uploads as they are, Playground sets at 1,000 points.</summary>
    public static DataSpec DataFor(string name) =>
        name == GaussTutorialSource.Name || name.StartsWith(UploadRegistry.Prefix, StringComparison.Ordinal)
            ? new DataSpec(name, TrainFraction: 0.5)
            : new DataSpec(name, Points: 1000, Noise: 0.25, TrainFraction: 0.5);
}
