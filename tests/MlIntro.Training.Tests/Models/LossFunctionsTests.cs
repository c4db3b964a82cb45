using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using static TorchSharp.torch;

namespace MlIntro.Training.Tests.Models;

[Collection("torch")]
public sealed class LossFunctionsTests
{
    private static readonly float[] Logits = [2, -1, 0.5f, -3];
    private static readonly float[] Labels = [1, 1, 0, 0];

    [Fact]
    public void Elementwise_Classification_IsBinaryCrossEntropyOnTheLogitByHand()
    {
        using var scope = NewDisposeScope();
        var expected = Logits.Zip(Labels, (z, y) => (float)(y == 1 ? Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z)))).ToArray();

        var loss = LossFunctions.Elementwise(tensor(Logits, [4, 1]), tensor(Labels, [4, 1]), ProblemKind.Classification);

        Assert.Equal([4L, 1L], loss.shape);
        Assert.Equal(expected, loss.data<float>().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-6f);
    }

    [Theory]
    [InlineData(ProblemKind.Classification)]
    [InlineData(ProblemKind.Regression)]
    public void Elementwise_StackOfTwoNets_EqualsEachNetsPerEventLoss(ProblemKind problem)
    {
        using var scope = NewDisposeScope();
        var shape = new ModelShape(2, 1, problem, problem == ProblemKind.Classification ? 2 : 0);
        var outputs = stack([tensor(Logits, [4, 1]), tensor(Logits, [4, 1]).mul(-0.5)]);
        var targets = stack([tensor(Labels, [4, 1]), tensor(Labels, [4, 1]).flip(0)]);

        var stacked = LossFunctions.Elementwise(outputs, targets, problem);

        Assert.Equal([2L, 4L, 1L], stacked.shape);
        for (var k = 0; k < 2; k++)
        {
            var alone = LossFunctions.PerEvent(outputs[k], targets[k], shape);
            Assert.Equal(alone.data<float>().ToArray(), stacked[k].squeeze(1).contiguous().data<float>().ToArray());
        }
    }

    [Fact]
    public void Elementwise_Regression_IsTheSquaredError()
    {
        using var scope = NewDisposeScope();

        var loss = LossFunctions.Elementwise(tensor(Logits, [4, 1]), tensor(Labels, [4, 1]), ProblemKind.Regression);

        Assert.Equal([1f, 4f, 0.25f, 9f], loss.data<float>().ToArray());
    }

    [Fact]
    public void BinaryHits_LogitsAgainstLabels_AreOneWhereTheSignPicksTheLabel()
    {
        using var scope = NewDisposeScope();

        var hits = LossFunctions.BinaryHits(tensor(Logits, [4, 1]), tensor(Labels, [4, 1]));

        Assert.Equal([1f, 0f, 0f, 1f], hits.data<float>().ToArray());
    }
}
