namespace MlIntro.Training.Models;

/// <summary>
/// How many rows one forward pass over a whole split takes at a time: at most 65,536 (memory), and fewer for big
/// networks, so that a pass of ten layers of 512 over 50,000 rows is many short chunks, with a cancellation check
/// between them, instead of one call that no Cancel can interrupt for seconds.
/// </summary>
public static class EvaluationChunk
{
    /// <summary>Multiply-adds per chunk: tens of milliseconds on one core.</summary>
    public const long MaxMultiplyAdds = 1L << 27;

    public const int MaxRows = 65_536;

    public static int Rows(Mlp model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = Math.Max(1, model.parameters().Sum(p => p.numel()));
        return (int)Math.Clamp(MaxMultiplyAdds / parameters, 1, MaxRows);
    }
}
