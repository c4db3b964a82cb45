using MlIntro.Core.Experiments;
using MlIntro.Core.Tests.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

/// <summary>A study's search space with a bad range is refused, and the message names the field.</summary>
public sealed class StudySpecValidationTests
{
    private static IReadOnlyList<string> Errors(StudySpec study) =>
        [.. ValidationSamples.Validator.Validate(ValidationSamples.Network with { Lesson = Lesson.Tuning, Study = study }).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_SensibleSpace_IsAccepted()
    {
        var study = new StudySpec(new SearchSpace(LearningRate: new FloatRange(1e-4, 0.3, Log: true), Neurons: new IntRange(1, 8)));

        var errors = Errors(study);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_LearningRateLowAboveHigh_NamesLearningRate()
    {
        var study = new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.3, 0.001, Log: true)));

        var error = Assert.Single(Errors(study));

        Assert.StartsWith("Study.Space.LearningRate:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LogRangeFromZero_NamesLearningRateLow()
    {
        var study = new StudySpec(new SearchSpace(LearningRate: new FloatRange(0, 0.1, Log: true)));

        var error = Assert.Single(Errors(study));

        Assert.StartsWith("Study.Space.LearningRate.Low", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeuronsFromZero_NamesNeurons()
    {
        var study = new StudySpec(new SearchSpace(Neurons: new IntRange(0, 4)));

        var error = Assert.Single(Errors(study));

        Assert.StartsWith("Study.Space.Neurons", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DropoutAboveLimit_NamesDropoutHigh()
    {
        var study = new StudySpec(new SearchSpace(Dropout: new FloatRange(0, 1.5)));

        var error = Assert.Single(Errors(study));

        Assert.StartsWith("Study.Space.Dropout.High", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GridSmallerThanTrials_NamesTrials()
    {
        var study = new StudySpec(new SearchSpace(Neurons: new IntRange(1, 3)), Sampler: SamplerKind.Grid, Trials: 4);

        var error = Assert.Single(Errors(study));

        Assert.StartsWith("Study.Trials (4) is more than the grid's 3 combinations", error, StringComparison.Ordinal);
    }
}
