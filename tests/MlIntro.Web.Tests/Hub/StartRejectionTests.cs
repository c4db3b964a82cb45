using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hub;

/// <summary>
/// Every way a Start can be wrong comes back at once as a <see cref="HubException"/> that names the racer and the
/// field: wrong optimizer parameters, impossible values, JSON the server cannot read, and an ambiguous surface.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StartRejectionTests(SharedApp shared)
{
    /// <summary>The slide's lecture surface with three racers; the third, "Adam 0.05", is the one the cases break.</summary>
    private const string SurfaceRace = """
        {
          "lesson": "Optimizers",
          "surface": { "name": "lecture", "steps": 20 },
          "race": [
            { "name": "GD 0.05", "optimizer": { "kind": "GD", "learningRate": 0.05 } },
            { "name": "Momentum 0.01", "optimizer": { "kind": "Momentum", "learningRate": 0.01, "parameters": { "momentum": 0.95 } } },
            { "name": "Adam 0.05", "optimizer": { "kind": "Adam", "learningRate": 0.05, "parameters": { "beta1": 0.9, "epsilon": 1e-8 } } }
          ]
        }
        """;

    public static TheoryData<string, string, string> Rejections => new()
    {
        {
            "\"beta1\": 0.9", "\"betaOne\": 0.9",
            "Race[2] 'Adam 0.05': Optimizer.Parameters.betaOne is not a parameter of Adam (it reads beta1, beta2, epsilon, weightDecay, inverseTimeDecay)."
        },
        { "\"beta1\": 0.9", "\"beta1\": 1.5", "Race[2] 'Adam 0.05': Optimizer.Parameters.beta1 (1.5) must be in [0, 1)." },
        { "\"momentum\": 0.95", "\"momentum\": 1", "Race[1] 'Momentum 0.01': Optimizer.Parameters.momentum (1) must be in [0, 1)." },
        { "\"epsilon\": 1e-8", "\"epsilon\": -1e-8", "Race[2] 'Adam 0.05': Optimizer.Parameters.epsilon (-1E-08) must be a finite number ≥ 0." },
        { "\"learningRate\": 0.05, \"parameters\": { \"beta1\"", "\"learningRate\": null, \"parameters\": { \"beta1\"", "Race[2] 'Adam 0.05': Optimizer.LearningRate: null is not a number." },
        { "\"kind\": \"Adam\"", "\"kind\": \"Foo\"", "Race[2] 'Adam 0.05': Optimizer.Kind: \"Foo\" is not one of GD, Momentum, Nesterov," },
        { "\"learningRate\": 0.01", "\"learningRate\": \"fast\"", "Race[1] 'Momentum 0.01': Optimizer.LearningRate: \"fast\" is not a number." },
        { "\"name\": \"lecture\"", "\"name\": \"lecture\", \"formula\": \"x^2 + y^2\"", "Surface.Name ('lecture') and Surface.Formula are both set" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Start_BrokenField_ThrowsHubExceptionNamingRacerAndField(string valid, string broken, string expected)
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        Assert.Contains(valid, SurfaceRace, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(SurfaceRace.Replace(valid, broken, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<string>("Start", json.RootElement, timeout.Token));

        // SignalR frames every HubException as "An unexpected error occurred invoking 'Start' on the server.
        // HubException: …"; a bare failure (an exception of any other type) would end after the first sentence.
        Assert.Contains("HubException: Invalid experiment: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TheBaseOfTheBrokenRaces_RunsToTheEnd()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        using var json = JsonDocument.Parse(SurfaceRace);

        // Only the one change makes each case above invalid: the base, sent the same way, runs.
        var id = await client.InvokeAsync<string>("Start", json.RootElement, timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
    }

    [Fact]
    public async Task Start_UnknownParameterOfTheRunsOptimizer_NamesTheFieldWithoutARacer()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var definition = Definitions.SmallMlp() with
        {
            Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.03, new Dictionary<string, double> { ["betaOne"] = 0.9 }),
        };

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(definition, timeout.Token));

        Assert.Contains("Invalid experiment: Optimizer.Parameters.betaOne is not a parameter of Adam", error.Message, StringComparison.Ordinal);
    }
}
