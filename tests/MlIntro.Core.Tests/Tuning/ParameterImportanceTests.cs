using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

public sealed class ParameterImportanceTests
{
    private static readonly IReadOnlyList<SearchDimension> Dimensions = SearchDimensions.Of(new SearchSpace(
        LearningRate: new FloatRange(1e-4, 1, Log: true),
        Neurons: new IntRange(1, 8),
        Activations: [Activation.ReLU, Activation.Tanh, Activation.Sigmoid]));

    private static List<(IReadOnlyDictionary<string, double> Values, double Objective)> Trials(int count, int seed, Func<IReadOnlyDictionary<string, double>, double> objective)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            IReadOnlyDictionary<string, double> values = Dimensions.ToDictionary(d => d.Name, d => d.FromUnit(random.NextDouble()));
            return (values, objective(values));
        })];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Of_ObjectiveOfTheLearningRateOnly_GivesItMostOfTheImportance(int seed)
    {
        // (log10 α + 2)²: a bowl in the learning rate alone; the other parameters are drawn but do nothing.
        var learningRate = Dimensions[0].Name;
        var trials = Trials(40, seed, v => Math.Pow(Math.Log10(v[learningRate]) + 2, 2));

        var importance = ParameterImportance.Of(Dimensions, trials);

        Assert.Equal(learningRate, importance[0].Parameter);
        Assert.True(importance[0].Share > 0.7, $"{importance[0].Share:F3}");
        // Five bins of a bowl leave the spread inside each bin unexplained: η² is near 0.7, not 1.
        Assert.True(importance[0].Explained > 0.6, $"{importance[0].Explained:F3}");
        Assert.Equal(1, importance.Sum(i => i.Share), 9);
    }

    [Fact]
    public void Of_ObjectiveOfTheActivationOnly_GivesTheChoiceMostOfTheImportance()
    {
        var activation = Dimensions[2].Name;
        var trials = Trials(30, 7, v => v[activation] switch { 0 => 0.2, 1 => 0.5, _ => 0.9 });

        var importance = ParameterImportance.Of(Dimensions, trials);

        Assert.Equal(activation, importance[0].Parameter);
        Assert.Equal(1, importance[0].Explained, 9); // the choice explains all of it: every bin is one value
    }

    [Fact]
    public void Of_FewerTrialsThanTheMinimum_IsEmpty()
    {
        var trials = Trials(ParameterImportance.MinTrials - 1, 1, v => v.Values.Sum());

        Assert.Empty(ParameterImportance.Of(Dimensions, trials));
    }
}
