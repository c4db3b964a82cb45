using MlIntro.Training.Trainers;

namespace MlIntro.Training.Tests.Trainers;

public sealed class BatchOrderTests
{
    [Fact]
    public void Permutation_OfFifty_HoldsEveryRowOnceAndIsShuffled()
    {
        var order = BatchOrder.Permutation(50, new Random(7));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), order);
    }

    [Fact]
    public void Permutation_SameSeed_SameOrderAndTheGeneratorMovesOn()
    {
        var first = new Random(3);
        var second = new Random(3);

        var a = BatchOrder.Permutation(20, first);
        var b = BatchOrder.Permutation(20, second);
        var nextEpoch = BatchOrder.Permutation(20, first);

        Assert.Equal(a, b);
        Assert.NotEqual(a, nextEpoch);
    }
}
