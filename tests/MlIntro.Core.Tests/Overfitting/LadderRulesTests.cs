using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Core.Tests.Overfitting;

public sealed class LadderRulesTests
{
    private static readonly ExperimentValidator Validator = new(new ExperimentLimits(), new DatasetCatalog([new HiggsUciSource()]));

    private static readonly ExperimentDefinition Lesson = CapacityLadder.Definition(CapacityLadder.All, trainingEvents: 1000, labelNoise: 0.1, epochs: 50);

    private static string[] Errors(ExperimentDefinition definition) =>
        [.. Validator.Validate(definition).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_TheLessonsSevenRungs_AreAccepted()
    {
        var errors = Errors(Lesson);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_RungWithTooWideALayer_NamesTheRungAndTheLimit()
    {
        var wide = new NamedModel("Huge", new ModelSpec([new HiddenLayer(100_000)], Activation.ELU));

        var errors = Errors(Lesson with { Ladder = [.. CapacityLadder.Sizes, wide] });

        var error = Assert.Single(errors);
        Assert.StartsWith("Ladder[4] 'Huge': Model.HiddenLayers", error, StringComparison.Ordinal);
        Assert.Contains("between 1 and 512", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoRungsWithOneName_IsRefused()
    {
        var errors = Errors(Lesson with { Ladder = [CapacityLadder.Sizes[0], CapacityLadder.Sizes[0]] });

        Assert.Equal(["Ladder[1] 'Tiny': model names must be unique."], errors);
    }

    [Fact]
    public void Validate_MoreRungsThanAllowed_IsRefused()
    {
        var many = Enumerable.Range(0, LadderRules.MaxRungs + 1).Select(i => new NamedModel($"m{i}", CapacityLadder.Sizes[0].Model)).ToArray();

        var errors = Errors(Lesson with { Ladder = many });

        Assert.Contains($"Ladder: between 1 and {LadderRules.MaxRungs} models allowed.", errors);
    }

    [Fact]
    public void Definition_ThousandEvents_DecayHalvesTheRateAfterAThousandEpochsOfTwoSteps()
    {
        var decay = Lesson.RequiredOptimizer.Parameters![MlIntro.Core.Optimizers.OptimizerParameters.InverseTimeDecay];

        // 1,000 events at batch 500: 2 steps per epoch, so lr/(1 + d·2000) = lr/2.
        Assert.Equal(1.0, decay * 2 * CapacityLadder.HalvingEpochs, 12);
        Assert.Equal(CapacityLadder.BatchSize, Lesson.RequiredTraining.BatchSize);
        Assert.Equal(HiggsUciSource.Name, Lesson.RequiredData.Name);
    }

    [Fact]
    public void TrainFraction_AllTrainingEvents_NineThousandEightHundredEightyFourTrainAndElevenHundredHeldOut()
    {
        var split = new HiggsUciSource().Load(new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: CapacityLadder.TrainFraction), 1, CancellationToken.None);

        Assert.Equal(9_884, split.Train.Rows);
        Assert.Equal(1_100, split.Test.Rows);
    }
}
