using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Experiments;

/// <summary>A surface is a catalogue name or a formula, never both.</summary>
public sealed class SurfaceSpecValidationTests
{
    private static readonly ExperimentValidator Validator = new(new ExperimentLimits(), new DatasetCatalog([new PlaygroundDatasetSource()]));

    private static IReadOnlyList<string> Errors(SurfaceSpec surface) =>
        [.. Validator.Validate(new ExperimentDefinition(
            Lesson.Optimizers,
            Race: [new NamedOptimizer("GD 0.05", new OptimizerSpec(OptimizerKind.GD, 0.05))],
            Surface: surface)).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_CatalogueNameAndFormula_RejectsNamingBothFields()
    {
        var errors = Errors(new SurfaceSpec("rosenbrock", "x^2 + y^2"));

        var error = Assert.Single(errors);
        Assert.StartsWith("Surface.Name ('rosenbrock') and Surface.Formula are both set", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(SurfaceSpec.FormulaName)]
    public void Validate_FormulaWithEmptyOrFormulaName_IsAccepted(string? name)
    {
        Assert.Empty(Errors(new SurfaceSpec(name, "x^2 + y^2")));
    }

    [Fact]
    public void Validate_NeitherNameNorFormula_NamesSurfaceName()
    {
        var error = Assert.Single(Errors(new SurfaceSpec(null)));

        Assert.StartsWith("Surface.Name: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CatalogueNameAlone_IsAccepted()
    {
        Assert.Empty(Errors(new SurfaceSpec("lecture")));
    }
}
