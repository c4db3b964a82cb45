using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

/// <summary>Broken definitions are refused at the door with a message naming the field, whatever client sent them.</summary>
[Collection(HubTestGroup.Name)]
public sealed class TrainingHubValidationTests(SharedApp shared)
{
    public static TheoryData<string, string> BrokenFields => new()
    {
        { "negative learning rate", "Optimizer.LearningRate" },
        { "NaN learning rate", "Optimizer.LearningRate" },
        { "zero neurons", "Neurons" },
        { "unknown data set", "Data.Name" },
        { "batch larger than the training rows", "Training.BatchSize" },
        { "too many epochs", "Training.Epochs" },
        { "too many layers", "Model.HiddenLayers" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Start_InvalidDefinition_ThrowsNamingTheField(string breakage, string field)
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var definition = Broken(breakage);

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(definition, timeout.Token));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid experiment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BaseOfTheBrokenDefinitions_IsAccepted()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);

        // The valid base, at the edges the broken cases step over: only the one change makes each of them invalid.
        var id = await client.StartRunAsync(Broken("nothing"), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
    }

    private static ExperimentDefinition Broken(string breakage)
    {
        // 100 training rows, batch 100, 10 layers: exactly at the limits, so one step more breaks them.
        var valid = Definitions.SmallMlp(epochs: 2) with
        {
            Model = new ModelSpec(Enumerable.Repeat(new HiddenLayer(2), 10).ToList()),
            Training = new TrainingSpec(Epochs: 2, BatchSize: 100),
        };
        return breakage switch
        {
            "nothing" => valid,
            "negative learning rate" => valid with { Optimizer = valid.RequiredOptimizer with { LearningRate = -0.1 } },
            // ExperimentJson allows named literals, so the client sends the JSON token "NaN" and the server reads it.
            "NaN learning rate" => valid with { Optimizer = valid.RequiredOptimizer with { LearningRate = double.NaN } },
            "zero neurons" => valid with { Model = valid.RequiredModel with { HiddenLayers = [new HiddenLayer(0)] } },
            "unknown data set" => valid with { Data = valid.RequiredData with { Name = "no-such-data" } },
            "batch larger than the training rows" => valid with { Training = valid.RequiredTraining with { BatchSize = 101 } },
            "too many epochs" => valid with { Training = valid.RequiredTraining with { Epochs = new ExperimentLimits().MaxEpochs + 1 } },
            "too many layers" => valid with { Model = valid.RequiredModel with { HiddenLayers = Enumerable.Repeat(new HiddenLayer(2), 11).ToList() } },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null),
        };
    }
}
