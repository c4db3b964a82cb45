using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tuning;

/// <summary>The dimensions of a <see cref="SearchSpace"/>, in a fixed order, named as exports and charts show them.</summary>
public static class SearchDimensions
{
    public const string LearningRate = "learning_rate";
    public const string HiddenLayers = "hidden_layers";
    public const string Neurons = "neurons";
    public const string Activation = "activation";
    public const string Optimizer = "optimizer";
    public const string BatchSize = "batch_size";
    public const string L2 = "l2";
    public const string Dropout = "dropout";

    public static IReadOnlyList<SearchDimension> Of(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var dimensions = new List<SearchDimension>();
        if (space.LearningRate is { } lr)
        {
            dimensions.Add(Float(LearningRate, lr));
        }
        if (space.HiddenLayers is { } layers)
        {
            dimensions.Add(new SearchDimension(HiddenLayers, DimensionKind.Discrete, layers.Min, layers.Max, false, [], 0));
        }
        if (space.Neurons is { } neurons)
        {
            dimensions.Add(new SearchDimension(Neurons, DimensionKind.Discrete, neurons.Min, neurons.Max, false, [], 0));
        }
        if (space.Activations is { Count: > 0 } activations)
        {
            dimensions.Add(Categorical(Activation, [.. activations.Select(a => a.ToString())]));
        }
        if (space.Optimizers is { Count: > 0 } optimizers)
        {
            dimensions.Add(Categorical(Optimizer, [.. optimizers.Select(o => o.ToString())]));
        }
        if (space.BatchSizes is { Count: > 0 } batches)
        {
            dimensions.Add(Categorical(BatchSize, [.. batches.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        if (space.L2 is { } l2)
        {
            dimensions.Add(Float(L2, l2));
        }
        if (space.Dropout is { } dropout)
        {
            dimensions.Add(Float(Dropout, dropout));
        }
        if (space.Trees is { } trees)
        {
            dimensions.AddRange(TreeSearch.Dimensions(trees));
        }
        return dimensions;
    }

    /// <summary>Combinations a grid search runs.</summary>
    public static long GridSize(IReadOnlyList<SearchDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return dimensions.Aggregate(1L, (size, d) => Math.Min(long.MaxValue / 1024, size * d.GridValues().Count));
    }

    private static SearchDimension Float(string name, FloatRange range) =>
        new(name, DimensionKind.Continuous, range.Low, range.High, range.Log, [], range.GridPoints);

    private static SearchDimension Categorical(string name, IReadOnlyList<string> choices) =>
        new(name, DimensionKind.Categorical, 0, choices.Count - 1, false, choices, 0);
}
