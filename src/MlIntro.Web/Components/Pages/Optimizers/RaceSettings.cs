using System.Globalization;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Training.Optimizers;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>One racer as the table edits it: kind, learning rate, and every hyperparameter the kind reads.</summary>
public sealed record RacerSettings(OptimizerKind Kind, double LearningRate, IReadOnlyDictionary<string, double> Parameters)
{
    public static RacerSettings Default(OptimizerKind kind, double learningRate) =>
        new(kind, learningRate, OptimizerPresets.DefaultsFor(kind));

    /// <summary>The legend as on the slide: "Adam 0.05".</summary>
    public string Label => $"{KindName(Kind)} {LearningRate.ToString("G6", CultureInfo.InvariantCulture)}";

    public OptimizerSpec ToSpec() => new(Kind, LearningRate, Parameters);

    public RacerSettings With(string parameter, double value) =>
        this with { Parameters = new Dictionary<string, double>(Parameters, StringComparer.Ordinal) { [parameter] = value } };

    public static string KindName(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Nesterov => "SGD-Nesterov",
        _ => kind.ToString(),
    };
}

/// <summary>Everything the optimizers lesson's race controls set; it lives in the URL (see <see cref="RaceUrl"/>).</summary>
public sealed record RaceSettings(
    string Surface,
    string? Formula,
    double StartX,
    double StartY,
    int Steps,
    IReadOnlyList<RacerSettings> Racers)
{
    /// <summary>Name used in <see cref="SurfaceSpec"/> when the user typed a formula.</summary>
    public const string FormulaSurface = "formula";

    /// <summary>
    /// The slide's picture: the lecture surface with the demo's f1 hills, (0.75, 1.0), 1,000 steps, the seven optimizers at
    /// TF1 defaults. Without f1 the start lies on a plateau that GD, Momentum, Adagrad and Adadelta barely leave in 1,000 steps.
    /// </summary>
    public static RaceSettings Slide { get; } = new(
        SurfaceCatalog.LectureF1,
        null,
        OptimizerPresets.SlideStart.X,
        OptimizerPresets.SlideStart.Y,
        OptimizerPresets.SlideSteps,
        [.. OptimizerPresets.Slide.Select(r => new RacerSettings(r.Optimizer.Kind, r.Optimizer.LearningRate, OptimizerPresets.DefaultsFor(r.Optimizer.Kind)))]);

    public bool UsesFormula => Surface == FormulaSurface;

    /// <summary>Legend names, unique: a second "Adam 0.05" becomes "Adam 0.05 (2)".</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            return [.. Racers.Select(r =>
            {
                var count = seen[r.Label] = seen.GetValueOrDefault(r.Label) + 1;
                return count == 1 ? r.Label : $"{r.Label} ({count})";
            })];
        }
    }

    public IReadOnlyList<NamedOptimizer> NamedOptimizers => [.. Racers.Zip(Names, (r, n) => new NamedOptimizer(n, r.ToSpec()))];

    public SurfaceSpec ToSurfaceSpec() => new(Surface, UsesFormula ? Formula : null, StartX, StartY, Steps);

    /// <summary>A surface race; data, model and training are placeholders the surface executor ignores.</summary>
    public ExperimentDefinition ToDefinition() => new(
        Lesson.Optimizers,
        new DataSpec("spiral", Points: 10),
        new ModelSpec([]),
        Racers.Count > 0 ? Racers[0].ToSpec() : new OptimizerSpec(OptimizerKind.GD, 0.05),
        new TrainingSpec(1, 1),
        Race: NamedOptimizers,
        Surface: ToSurfaceSpec());
}
