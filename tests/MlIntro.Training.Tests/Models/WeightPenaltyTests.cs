using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using static TorchSharp.torch;

namespace MlIntro.Training.Tests.Models;

[Collection("torch")]
public sealed class WeightPenaltyTests
{
    private static readonly float[] First = [1, -2, 0.5f, 3];
    private static readonly float[] Second = [-1, 0, 2, -0.25f, 1.5f, 4];

    [Theory]
    [InlineData(Regularization.L1, 6.5 + 8.75)]
    [InlineData(Regularization.L2, ((1 + 4 + 0.25 + 9) / 2.0) + ((1 + 0 + 4 + 0.0625 + 2.25 + 16) / 2.0))]
    public void Sum_OneNet_IsTheHandValueOverAllMatrices(Regularization kind, double expected)
    {
        using var scope = NewDisposeScope();
        Tensor[] weights = [tensor(First, [2, 2]), tensor(Second, [3, 2])];

        var penalty = WeightPenalty.Sum(kind, weights, [0, 1]);

        Assert.Equal(expected, penalty.item<float>(), 5);
    }

    [Theory]
    [InlineData(Regularization.L1)]
    [InlineData(Regularization.L2)]
    public void Sum_StackOverDimensionsOneAndTwo_GivesEachNetsOwnPenalty(Regularization kind)
    {
        using var scope = NewDisposeScope();
        var firstLayer = stack([tensor(First, [2, 2]), tensor(First, [2, 2]).mul(2)]);
        var secondLayer = stack([tensor(Second, [3, 2]), tensor(Second, [3, 2]).neg()]);
        var alone = new[]
        {
            WeightPenalty.Sum(kind, [firstLayer[0], secondLayer[0]], [0, 1]).item<float>(),
            WeightPenalty.Sum(kind, [firstLayer[1], secondLayer[1]], [0, 1]).item<float>(),
        };

        var stacked = WeightPenalty.Sum(kind, [firstLayer, secondLayer], [1, 2]);

        Assert.Equal([2L], stacked.shape);
        Assert.Equal(alone, stacked.data<float>().ToArray());
        Assert.NotEqual(alone[0], alone[1]);
    }

    [Fact]
    public void MlpPenalty_L2_IsHalfTheSquaredWeightsWithoutBiases()
    {
        using var scope = NewDisposeScope();
        using var model = new Mlp(2, new ModelSpec([new HiddenLayer(3)]), 1, seed: 4);
        using (no_grad())
        {
            foreach (var bias in model.parameters().Where(p => p.dim() == 1))
            {
                bias.fill_(10);
            }
        }
        var expected = model.WeightsSnapshot().SelectMany(w => w).Sum(w => (double)w * w) / 2;

        var penalty = model.Penalty(Regularization.L2);

        Assert.Equal(expected, penalty.item<float>(), 5);
    }
}
