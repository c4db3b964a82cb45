using System.Text.Json;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Experiments;

/// <summary>JSON a client sends is read strictly, and what cannot be read is named by field (and racer), in the validator's terms.</summary>
public sealed class ExperimentJsonReadTests
{
    private const string ValidNetwork = """
        {
          "lesson": "Playground",
          "data": { "name": "circle", "points": 200 },
          "model": { "hiddenLayers": [ { "neurons": 4 } ] },
          "optimizer": { "kind": "Adam", "learningRate": 0.01, "parameters": { "beta1": 0.9 } },
          "training": { "epochs": 10, "batchSize": 10 }
        }
        """;

    private static string ErrorOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.Throws<InvalidExperimentException>(() => ExperimentJson.ReadDefinition(document.RootElement)).Message;
    }

    private static string Replace(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDefinition_ValidNetwork_ReadsEveryPart()
    {
        using var document = JsonDocument.Parse(ValidNetwork);

        var definition = ExperimentJson.ReadDefinition(document.RootElement);

        Assert.NotNull(definition);
        Assert.Equal(("circle", 200, 0.5), (definition.RequiredData.Name, definition.RequiredData.Points, definition.RequiredData.TrainFraction));
        Assert.Equal(4, Assert.Single(definition.RequiredModel.HiddenLayers).Neurons);
        Assert.Equal((OptimizerKind.Adam, 0.01, 0.9), (definition.RequiredOptimizer.Kind, definition.RequiredOptimizer.LearningRate, definition.RequiredOptimizer.Parameters!["beta1"]));
        Assert.Null(definition.Surface);
    }

    [Fact]
    public void ReadDefinition_SurfaceRaceWithoutDataModelOptimizerOrTraining_LeavesThemNull()
    {
        using var document = JsonDocument.Parse("""
            { "lesson": "Optimizers", "race": [ { "name": "GD 0.05", "optimizer": { "kind": "GD", "learningRate": 0.05 } } ],
              "surface": { "formula": "x^2 + y^2" } }
            """);

        var definition = ExperimentJson.ReadDefinition(document.RootElement)!;

        Assert.Equal((null, null, null, null), (definition.Data, definition.Model, definition.Optimizer, definition.Training));
        Assert.Equal((null, "x^2 + y^2", 1000), (definition.Surface!.Name, definition.Surface.Formula, definition.Surface.Steps));
    }

    [Fact]
    public void ReadDefinition_WhatTheStoreWrites_ReadsBackTheSame()
    {
        var written = new ExperimentDefinition(
            Lesson.Optimizers,
            Race: [new NamedOptimizer("Adam 0.05", new OptimizerSpec(OptimizerKind.Adam, 0.05, new Dictionary<string, double> { ["beta1"] = 0.8 }))],
            Surface: new SurfaceSpec("lecture", StartX: 0.5));
        var json = JsonSerializer.SerializeToElement(written, ExperimentJson.Options);

        var read = ExperimentJson.ReadDefinition(json);

        Assert.Equal(json.GetRawText(), JsonSerializer.Serialize(read, ExperimentJson.Options));
    }

    [Fact]
    public void ReadDefinition_NullLearningRate_NamesTheFieldAndWhatItExpects()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"learningRate\": 0.01", "\"learningRate\": null"));

        Assert.Equal("Invalid experiment: Optimizer.LearningRate: null is not a number.", message);
    }

    [Fact]
    public void ReadDefinition_UnknownKind_NamesTheFieldAndListsTheKinds()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"kind\": \"Adam\"", "\"kind\": \"Foo\""));

        Assert.Equal($"Invalid experiment: Optimizer.Kind: \"Foo\" is not one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.", message);
    }

    [Fact]
    public void ReadDefinition_StringWhereANumberBelongs_NamesTheField()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"epochs\": 10", "\"epochs\": \"ten\""));

        Assert.Equal("Invalid experiment: Training.Epochs: \"ten\" is not a whole number.", message);
    }

    [Fact]
    public void ReadDefinition_StringParameterValue_KeepsTheParameterNameAsSent()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"beta1\": 0.9", "\"beta1\": \"high\""));

        Assert.Equal("Invalid experiment: Optimizer.Parameters.beta1: \"high\" is not a number.", message);
    }

    [Fact]
    public void ReadDefinition_BadValueInsideALayer_NamesTheLayerIndex()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"neurons\": 4", "\"neurons\": 4.5"));

        Assert.Equal("Invalid experiment: Model.HiddenLayers[0].Neurons: 4.5 is not a whole number.", message);
    }

    [Fact]
    public void ReadDefinition_BadKindOfARacer_NamesTheRacerByIndexAndLegend()
    {
        var message = ErrorOf("""
            { "lesson": "Optimizers", "surface": { "name": "lecture" }, "race": [
              { "name": "GD 0.05", "optimizer": { "kind": "GD", "learningRate": 0.05 } },
              { "name": "Adam 0.05", "optimizer": { "kind": "Foo", "learningRate": 0.05 } } ] }
            """);

        Assert.StartsWith("Invalid experiment: Race[1] 'Adam 0.05': Optimizer.Kind: \"Foo\" is not one of GD,", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDefinition_MissingLearningRate_SaysItIsRequired()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"learningRate\": 0.01, ", ""));

        Assert.Equal("Invalid experiment: Optimizer.LearningRate is required.", message);
    }

    [Fact]
    public void ReadDefinition_NullDataSetName_NamesTheField()
    {
        var message = ErrorOf(Replace(ValidNetwork, "\"name\": \"circle\"", "\"name\": null"));

        Assert.Equal("Invalid experiment: Data.Name: null is not a string.", message);
    }

    [Fact]
    public void ReadDefinition_NumberWhereARacerBelongs_NamesTheRacerSlot()
    {
        var message = ErrorOf("""{ "lesson": "Optimizers", "race": [ 5 ] }""");

        Assert.Equal("Invalid experiment: Race[0]: 5 is not an object.", message);
    }

    [Fact]
    public void ReadDefinition_ArrayInsteadOfADefinition_SaysTheDefinitionCannotBeRead()
    {
        var message = ErrorOf("[ 1, 2 ]");

        Assert.StartsWith("Invalid experiment: Definition: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDefinition_JsonNull_IsNullForTheValidatorToRefuse()
    {
        using var document = JsonDocument.Parse("null");

        Assert.Null(ExperimentJson.ReadDefinition(document.RootElement));
    }
}
