using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening;

/// <summary>Issue 9, item 5 over the hub: oversized definitions come back as a <see cref="HubException"/> naming the field and the limit.</summary>
[Collection(HubTestGroup.Name)]
public sealed class LimitsHubTests(SharedApp shared)
{
    private static NamedOptimizer Racer(string name, IReadOnlyDictionary<string, double>? parameters = null) =>
        new(name, new OptimizerSpec(OptimizerKind.Adam, 0.05, parameters));

    private static ExperimentDefinition SurfaceRace(IEnumerable<NamedOptimizer> racers) =>
        new(Lesson.Optimizers, Race: [.. racers], Surface: new SurfaceSpec("lecture", Steps: 20));

    [Fact]
    public async Task Start_DefinitionOver16Kb_RefusedWithItsSizeAndTheLimit()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        // Short names everywhere, but 16 racers × 16 parameters with 64-character keys: about 20 KB of JSON.
        var parameters = Enumerable.Range(0, 16).ToDictionary(i => i.ToString("D64", CultureInfo.InvariantCulture), _ => 0.5);
        var race = SurfaceRace(Enumerable.Range(0, 16).Select(i => Racer($"racer {i}", parameters)));
        var json = JsonSerializer.SerializeToElement(race, ExperimentJson.Options);

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<string>("Start", json, timeout.Token));

        Assert.Matches(@"HubException: Invalid experiment: Definition is (\d\d,\d\d\d) bytes of JSON; the limit is 16,384\.$", error.Message);
        var sent = int.Parse(System.Text.RegularExpressions.Regex.Match(error.Message, @"is (\d\d,\d\d\d) bytes").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(sent, 16_385, 32_768);
    }

    [Fact]
    public async Task Start_SixteenRacersWithLongNames_RefusedNamingEachRacerAndTheLimit()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        // The probe's 16 × 58 KB names in small: the legend names that would be repeated in every stored epoch row.
        var race = SurfaceRace(Enumerable.Range(0, 16).Select(i => Racer(new string('a', 98) + i.ToString("00", CultureInfo.InvariantCulture))));

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(race, timeout.Token));

        Assert.Contains("HubException: Invalid experiment: Race[0].Name is 100 characters; the limit is 64.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Race[15].Name is 100 characters; the limit is 64.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 65), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FeatureNotOfTheDataSet_RefusedNamingTheFeature()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var definition = new ExperimentDefinition(
            Lesson.Playground,
            new DataSpec("circle", Points: 200, Features: ["x1", "x2", "feature-2"]),
            new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.Adam, 0.03),
            new TrainingSpec(Epochs: 2, BatchSize: 10));

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(definition, timeout.Token));

        Assert.Contains("HubException: Invalid experiment: Data.Features[2]: 'feature-2' is not a feature of circle", error.Message, StringComparison.Ordinal);
    }
}
