using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Experiments;

public sealed class ExperimentValidatorTests
{
    // 200 circle points, half for training: 100 training rows.
    private static readonly ExperimentDefinition Valid = ValidationSamples.Network with
    {
        Data = ValidationSamples.Network.RequiredData with { Noise = 0.1 },
        Model = new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)]),
    };

    private static ExperimentValidator Validator(ExperimentLimits? limits = null) =>
        new(limits ?? new ExperimentLimits(), new DatasetCatalog([new PlaygroundDatasetSource()]));

    private static string ErrorOf(ExperimentDefinition definition, ExperimentLimits? limits = null) =>
        Assert.Throws<InvalidExperimentException>(() => Validator(limits).ValidateOrThrow(definition)).Message;

    [Fact]
    public void ValidateOrThrow_ValidDefinition_Accepts()
    {
        Validator().ValidateOrThrow(Valid);

        Validator().ValidateOrThrow(Valid with { Model = Valid.RequiredModel with { HiddenLayers = [] } });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1000)]
    public void ValidateOrThrow_BadLearningRate_NamesTheFieldAndRange(double rate)
    {
        var message = ErrorOf(Valid with { Optimizer = Valid.RequiredOptimizer with { LearningRate = rate } });

        Assert.Contains("Optimizer.LearningRate", message, StringComparison.Ordinal);
        Assert.Contains("at most 100", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(513)]
    public void ValidateOrThrow_BadNeuronCount_NamesTheLayerAndRange(int neurons)
    {
        var message = ErrorOf(Valid with { Model = Valid.RequiredModel with { HiddenLayers = [new HiddenLayer(4), new HiddenLayer(neurons)] } });

        Assert.Contains("Model.HiddenLayers[1].Neurons", message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 512", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_TooManyLayers_NamesTheFieldAndLimit()
    {
        var layers = Enumerable.Repeat(new HiddenLayer(2), 11).ToArray();

        var message = ErrorOf(Valid with { Model = Valid.RequiredModel with { HiddenLayers = layers } });

        Assert.Contains("Model.HiddenLayers", message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 10 layers", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_UnknownDataSet_NamesTheFieldAndTheName()
    {
        var message = ErrorOf(Valid with { Data = Valid.RequiredData with { Name = "moons" } });

        Assert.Contains("Data.Name", message, StringComparison.Ordinal);
        Assert.Contains("'moons'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_BatchLargerThanTrainingRows_SaysHowManyRowsThereAre()
    {
        Validator().ValidateOrThrow(Valid with { Training = Valid.RequiredTraining with { BatchSize = 100 } });

        var message = ErrorOf(Valid with { Training = Valid.RequiredTraining with { BatchSize = 101 } });

        Assert.Contains("Training.BatchSize (101)", message, StringComparison.Ordinal);
        Assert.Contains("100 training rows", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void ValidateOrThrow_BadEpochs_NamesTheFieldAndRange(int epochs)
    {
        var message = ErrorOf(Valid with { Training = Valid.RequiredTraining with { Epochs = epochs } });

        Assert.Contains("Training.Epochs must be between 1 and 100000", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, "Data.Noise")]
    [InlineData(0.6, "Data.Noise")]
    public void ValidateOrThrow_BadNoise_NamesTheField(double noise, string field)
    {
        Assert.Contains(field, ErrorOf(Valid with { Data = Valid.RequiredData with { Noise = noise } }), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_SeveralBadFields_ListsEveryOne()
    {
        var message = ErrorOf(Valid with
        {
            Optimizer = Valid.RequiredOptimizer with { LearningRate = -1 },
            Training = Valid.RequiredTraining with { Epochs = 0 },
            Model = Valid.RequiredModel with { RegularizationRate = -1 },
        });

        Assert.Contains("Optimizer.LearningRate", message, StringComparison.Ordinal);
        Assert.Contains("Training.Epochs", message, StringComparison.Ordinal);
        Assert.Contains("Model.RegularizationRate", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_LimitsAreConfigurable_TheRangeFollowsThem()
    {
        var limits = new ExperimentLimits { MaxNeuronsPerLayer = 8, MaxHiddenLayers = 6, MaxEpochs = 50 };

        var neurons = ErrorOf(Valid with { Model = Valid.RequiredModel with { HiddenLayers = [new HiddenLayer(9)] } }, limits);
        var epochs = ErrorOf(Valid with { Training = Valid.RequiredTraining with { Epochs = 51 } }, limits);

        Assert.Contains("between 1 and 8", neurons, StringComparison.Ordinal);
        Assert.Contains("between 1 and 50", epochs, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_NullDefinition_SaysADefinitionIsRequired()
    {
        Assert.Contains("definition is required", ErrorOf(null!), StringComparison.Ordinal);
    }
}

public sealed class SurfaceRaceValidationTests
{
    private static ExperimentValidator Validator() => new(new ExperimentLimits(), new DatasetCatalog([new PlaygroundDatasetSource()]));

    [Fact]
    public void ValidateOrThrow_SurfaceRaceWithoutDataModelOrTraining_Accepts()
    {
        var race = new ExperimentDefinition(
            Lesson.Optimizers, Data: null!, Model: null!, Optimizer: null!, Training: null!,
            Race: [new NamedOptimizer("Adam 0.05", new OptimizerSpec(OptimizerKind.Adam, 0.05))],
            Surface: new SurfaceSpec("lecture"));

        Validator().ValidateOrThrow(race);
    }

    [Fact]
    public void ValidateOrThrow_NetworkWithoutData_StillNamesTheMissingParts()
    {
        var network = new ExperimentDefinition(Lesson.Playground, Data: null!, Model: null!, Optimizer: null!, Training: null!);

        var message = Assert.Throws<InvalidExperimentException>(() => Validator().ValidateOrThrow(network)).Message;

        Assert.Contains("Data is required", message, StringComparison.Ordinal);
        Assert.Contains("Model is required", message, StringComparison.Ordinal);
        Assert.Contains("Optimizer is required", message, StringComparison.Ordinal);
        Assert.Contains("Training is required", message, StringComparison.Ordinal);
    }
}
