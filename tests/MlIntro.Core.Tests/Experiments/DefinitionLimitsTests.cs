using System.Text;
using System.Text.Json;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using static MlIntro.Core.Tests.Experiments.ValidationSamples;

namespace MlIntro.Core.Tests.Experiments;

/// <summary>
/// Issue 9, item 5: the disk-filling definitions of the probe are refused at the door, each with a message naming the
/// field and the limit, and never repeating the oversized value (it would land in the log).
/// </summary>
public sealed class DefinitionLimitsTests
{
    private static InvalidExperimentException Refusal(ExperimentDefinition definition) =>
        Assert.Throws<InvalidExperimentException>(() => Validator.ValidateOrThrow(definition));

    private static ExperimentDefinition SurfaceRace(IEnumerable<NamedOptimizer> racers) =>
        new(Lesson.Optimizers, Race: [.. racers], Surface: new SurfaceSpec("lecture"));

    [Fact]
    public void ValidateOrThrow_SixteenRacersWith58KbNames_RefusesEachNameWithTheLimit()
    {
        // The probe's race: 16 racers named with 58,000 characters each, which the store would repeat in every epoch row.
        var race = SurfaceRace(Enumerable.Range(0, 16).Select(i =>
            new NamedOptimizer(new string('a', 57_998) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), new OptimizerSpec(OptimizerKind.GD, 0.05))));

        var refusal = Refusal(race);

        Assert.Equal(16, refusal.Errors.Count);
        Assert.Contains("Race[3].Name is 58,000 characters; the limit is 64.", refusal.Errors);
        Assert.DoesNotContain(new string('a', 65), refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOrThrow_RacerNamesAtAndOverTheLimit_AcceptsSixtyFourRefusesSixtyFive()
    {
        var atLimit = new NamedOptimizer(new string('n', 64), new OptimizerSpec(OptimizerKind.GD, 0.05));
        var overLimit = new NamedOptimizer(new string('o', 65), new OptimizerSpec(OptimizerKind.Adam, 0.05));

        Validator.ValidateOrThrow(SurfaceRace([atLimit]));
        var refusal = Refusal(SurfaceRace([atLimit, overLimit]));

        Assert.Equal(["Race[1].Name is 65 characters; the limit is 64."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_FiftyThousandFeatureNames_RefusedNamingTheField()
    {
        var features = Enumerable.Range(0, 50_000).Select(i => "x" + i).ToList();

        var refusal = Refusal(Network with { Data = Network.RequiredData with { Features = features } });

        Assert.Equal(["Data.Features has 50,000 names; the limit is 256."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_FeatureNotInTheDataSetsList_RefusedListingTheKnownOnes()
    {
        var features = new[] { "x1", "x2", "jet_pt" };

        var refusal = Refusal(Network with { Data = Network.RequiredData with { Features = features } });

        Assert.Equal(["Data.Features[2]: 'jet_pt' is not a feature of circle (it has x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2))."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_RepeatedFeature_Refused()
    {
        var features = Enumerable.Repeat("x1", 200).ToList();

        var refusal = Refusal(Network with { Data = Network.RequiredData with { Features = features } });

        Assert.Equal(["Data.Features: each feature may be chosen once (repeated: 'x1')."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_EveryPlaneFeatureOfTheDataSet_Accepted()
    {
        var features = PlaneFeatures.All;

        Validator.ValidateOrThrow(Network with { Data = Network.RequiredData with { Features = features } });
    }

    [Fact]
    public void ValidateOrThrow_950KbParameterKey_RefusedWithoutEchoingTheKey()
    {
        var key = new string('k', 950_000);
        var optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.01, new Dictionary<string, double> { ["beta1"] = 0.9, [key] = 1 });

        var refusal = Refusal(Network with { Optimizer = optimizer });

        Assert.Equal(["Optimizer.Parameters key #2 is 950,000 characters; the limit is 64."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_DefinitionOver16KbOfShortNames_RefusedWithItsSizeBeforeOtherRules()
    {
        // Every name within its limit, but 16 racers × 16 parameters with 64-character keys come to about 21 KB of JSON.
        var parameters = Enumerable.Range(0, 16).ToDictionary(i => i.ToString("D64", System.Globalization.CultureInfo.InvariantCulture), i => 0.5);
        var race = SurfaceRace(Enumerable.Range(0, 16).Select(i => new NamedOptimizer($"racer {i}", new OptimizerSpec(OptimizerKind.Adam, 0.05, parameters))));
        var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(race, ExperimentJson.Options));

        var refusal = Refusal(race);

        Assert.InRange(bytes, 16_385, 32_768);
        // Only the size: the unknown keys would have given 256 messages.
        Assert.Equal([$"Definition is {bytes:N0} bytes of JSON; the limit is 16,384."], refusal.Errors);
    }

    [Fact]
    public void ValidateOrThrow_LongFormula_RefusedWithItsLimit()
    {
        var race = SurfaceRace([new NamedOptimizer("GD", new OptimizerSpec(OptimizerKind.GD, 0.05))]) with
        {
            Surface = new SurfaceSpec(SurfaceSpec.FormulaName, string.Join(" + ", Enumerable.Repeat("x^2", 100))),
        };

        var refusal = Refusal(race);

        Assert.Equal(["Surface.Formula is 597 characters; the limit is 256."], refusal.Errors);
    }

    [Fact]
    public void ReadDefinition_JsonOver16Kb_RefusedBeforeReadingIt()
    {
        // Valid JSON of a valid definition, padded with whitespace: the raw length counts, as sent.
        var text = "{\"lesson\":\"Playground\"," + new string(' ', 17_000) + "\"seed\":1}";
        using var document = JsonDocument.Parse(text);
        var bytes = Encoding.UTF8.GetByteCount(text);

        var refusal = Assert.Throws<InvalidExperimentException>(() => ExperimentJson.ReadDefinition(document.RootElement));

        Assert.Equal([$"Definition is {bytes:N0} bytes of JSON; the limit is 16,384."], refusal.Errors);
    }

    [Fact]
    public void ReadDefinition_JsonUnder16Kb_IsRead()
    {
        var text = "{\"lesson\":\"Playground\"," + new string(' ', 16_000) + "\"seed\":1}";
        using var document = JsonDocument.Parse(text);

        var definition = ExperimentJson.ReadDefinition(document.RootElement);

        Assert.Equal(new ExperimentDefinition(Lesson.Playground, Seed: 1), definition);
    }
}
