namespace MlIntro.Core.Experiments;

/// <summary>
/// One weight of a live network set by hand (the Playground's click on a link): linear layer <paramref name="Layer"/>
/// (0 = features to the first hidden layer), from input <paramref name="From"/> to neuron <paramref name="To"/>.
/// Training continues from it at the next epoch.
/// </summary>
public sealed record WeightEdit(int Layer, int To, int From, double Value)
{
    /// <summary>Far beyond what training reaches on the Playground's data, small enough to keep float arithmetic finite.</summary>
    public const double MaxMagnitude = 100;

    /// <summary>Finite, within <see cref="MaxMagnitude"/>, non-negative indices (the trainer checks them against its shape).</summary>
    public bool IsValid => double.IsFinite(Value) && Math.Abs(Value) <= MaxMagnitude && Layer >= 0 && To >= 0 && From >= 0;
}
