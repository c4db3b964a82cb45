namespace MlIntro.Training.Trainers;

/// <summary>The order in which an epoch visits the training rows: the same draw for every engine, so runs are comparable.</summary>
public static class BatchOrder
{
    /// <summary>0 … count−1 shuffled by <paramref name="random"/> (the run's own generator, seeded with its seed).</summary>
    public static long[] Permutation(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var order = new long[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        random.Shuffle(order);
        return order;
    }
}
