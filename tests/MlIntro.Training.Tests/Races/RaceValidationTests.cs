using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Training.Optimizers;

namespace MlIntro.Training.Tests.Races;

public sealed class RaceValidationTests
{
    private static readonly ExperimentValidator Validator = new(new ExperimentLimits(), RaceRuns.Catalog);

    private static string[] Errors(ExperimentDefinition definition) =>
        [.. Validator.Validate(definition).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_TheSlideRace_HasNoErrors()
    {
        Assert.Empty(Errors(RaceRuns.SlideRace()));
    }

    [Fact]
    public void Validate_DuplicateRacerNames_NamesRaceNameAndTheDuplicate()
    {
        var definition = RaceRuns.SlideRace() with { Race = [.. OptimizerPresets.Slide, OptimizerPresets.Slide[2]] };

        var errors = Errors(definition);

        Assert.Contains(errors, e => e.StartsWith("Race.Name", StringComparison.Ordinal) && e.Contains("'Adam'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadRacerOptimizer_NamesTheRacerAndTheField()
    {
        NamedOptimizer[] racers =
        [
            new("zero", new OptimizerSpec(OptimizerKind.Adam, 0)),
            new("nan", new OptimizerSpec(OptimizerKind.Adam, 0.1, new Dictionary<string, double> { ["beta1"] = double.NaN })),
            new("kind", new OptimizerSpec((OptimizerKind)99, 0.1)),
        ];

        var errors = Errors(RaceRuns.SlideRace() with { Race = racers });

        Assert.Contains(errors, e => e.StartsWith("Race[0] 'zero': Optimizer.LearningRate", StringComparison.Ordinal));
        Assert.Contains("Race[1] 'nan': Optimizer.Parameters.beta1 (NaN) must be in [0, 1).", errors);
        Assert.Contains("Race[2] 'kind': Optimizer.Kind is not a known optimizer.", errors);
    }

    [Fact]
    public void Validate_TooManyOrNoRacers_NamesRace()
    {
        var many = Enumerable.Range(0, 17).Select(i => RaceRuns.Racer($"GD {i}", OptimizerKind.GD, 0.1)).ToArray();

        Assert.Contains("Race: between 1 and 16 optimizers allowed.", Errors(RaceRuns.SlideRace() with { Race = many }));
        Assert.Contains("Race: a surface race needs at least one optimizer.", Errors(RaceRuns.SlideRace() with { Race = null }));
    }

    [Fact]
    public void Validate_FormulaWithSyntaxError_NamesSurfaceFormulaAndThePosition()
    {
        var definition = RaceRuns.SlideRace() with { Surface = new SurfaceSpec("formula", "x^2 + * y") };

        var errors = Errors(definition);

        var error = Assert.Single(errors);
        Assert.StartsWith("Surface.Formula: ", error, StringComparison.Ordinal);
        Assert.Contains("character 7", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSurfaceName_NamesSurfaceName()
    {
        var errors = Errors(RaceRuns.SlideRace() with { Surface = new SurfaceSpec("himmelblau") });

        Assert.Contains(errors, e => e.StartsWith("Surface.Name: Unknown surface 'himmelblau'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.6, 0.0)]
    [InlineData(0.0, -1.51)]
    [InlineData(double.NaN, 0.0)]
    public void Validate_StartOutsideTheView_NamesTheStart(double x, double y)
    {
        var errors = Errors(RaceRuns.SlideRace() with { Surface = new SurfaceSpec(SurfaceCatalog.Rosenbrock, null, x, y) });

        Assert.Contains(errors, e => e.StartsWith("Surface.StartX/StartY", StringComparison.Ordinal) && e.Contains("[-1.5, 1.5]²", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Validate_StepsOutOfRange_NamesSurfaceSteps(int steps)
    {
        var errors = Errors(RaceRuns.SlideRace() with { Surface = new SurfaceSpec(SurfaceCatalog.Lecture, null, 0.75, 1, steps) });

        Assert.Contains("Surface.Steps must be between 1 and 10000.", errors);
    }
}
