using System.Collections.Frozen;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Optimizers;

/// <summary>
/// Which hyperparameters each <see cref="OptimizerKind"/> reads, with defaults (TensorFlow 1's where TF1 has the
/// optimizer) and allowed ranges: the one table the validator, the trainers and the pages agree on.
/// </summary>
public static class OptimizerParameters
{
    public const string Momentum = "momentum";
    public const string Rho = "rho";
    public const string Epsilon = "epsilon";
    public const string InitialAccumulator = "initialAccumulator";
    public const string Beta1 = "beta1";
    public const string Beta2 = "beta2";
    public const string Decay = "decay";
    public const string LrPower = "lrPower";
    public const string L1 = "l1";
    public const string L2 = "l2";
    public const string WeightDecay = "weightDecay";

    /// <summary>Adam's inverse-time decay per step d: the step t uses lr / (1 + d·t), t = 0, 1, 2, … (Keras' InverseTimeDecay
    /// with decay_rate/decay_steps = d, staircase off).</summary>
    public const string InverseTimeDecay = "inverseTimeDecay";

    private static readonly FrozenDictionary<OptimizerKind, IReadOnlyList<OptimizerParameter>> ByKind =
        new Dictionary<OptimizerKind, IReadOnlyList<OptimizerParameter>>
        {
            [OptimizerKind.GD] = [WeightDecayAt(0)],
            // TF1's MomentumOptimizer has no default momentum; 0.95 is the slide's value.
            [OptimizerKind.Momentum] = [Fraction(Momentum, 0.95), WeightDecayAt(0)],
            [OptimizerKind.Nesterov] = [Fraction(Momentum, 0.95), WeightDecayAt(0)],
            // Adagrad and Ftrl divide by a root of the accumulator, so it must start above 0.
            [OptimizerKind.Adagrad] = [new(InitialAccumulator, 0.1, ParameterRange.Positive), NonNegative(Epsilon, 0), WeightDecayAt(0)],
            [OptimizerKind.Adadelta] = [Fraction(Rho, 0.95), NonNegative(Epsilon, 1e-8), WeightDecayAt(0)],
            [OptimizerKind.RMSProp] = [Fraction(Decay, 0.9), Fraction(Momentum, 0), NonNegative(Epsilon, 1e-10), WeightDecayAt(0)],
            [OptimizerKind.Adam] = [.. Adam(weightDecay: 0), NonNegative(InverseTimeDecay, 0)],
            // NAdam and AdamW are not in TF1: torch's defaults (AdamW's decay as in PyTorch).
            [OptimizerKind.NAdam] = Adam(weightDecay: 0),
            [OptimizerKind.AdamW] = Adam(weightDecay: 0.01),
            [OptimizerKind.Ftrl] =
            [
                new(LrPower, -0.5, ParameterRange.NonPositive),
                new(InitialAccumulator, 0.1, ParameterRange.Positive),
                NonNegative(L1, 0),
                NonNegative(L2, 0),
                WeightDecayAt(0),
            ],
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<OptimizerKind, FrozenDictionary<string, double>> DefaultsByKind =
        ByKind.ToFrozenDictionary(k => k.Key, k => k.Value.ToFrozenDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal));

    /// <summary>Every hyperparameter <paramref name="kind"/> reads, in the order the UI shows them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a known kind.</exception>
    public static IReadOnlyList<OptimizerParameter> For(OptimizerKind kind) =>
        ByKind.TryGetValue(kind, out var parameters)
            ? parameters
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer kind.");

    /// <summary>Every hyperparameter <paramref name="kind"/> reads, with its default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a known kind.</exception>
    public static IReadOnlyDictionary<string, double> DefaultsFor(OptimizerKind kind) =>
        DefaultsByKind.TryGetValue(kind, out var defaults)
            ? defaults
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer kind.");

    /// <summary>The parameter <paramref name="name"/> of <paramref name="kind"/>, or null when the kind does not read it.</summary>
    public static OptimizerParameter? Find(OptimizerKind kind, string name) =>
        ByKind.TryGetValue(kind, out var parameters) ? parameters.FirstOrDefault(p => p.Name == name) : null;

    private static OptimizerParameter[] Adam(double weightDecay) =>
        [Fraction(Beta1, 0.9), Fraction(Beta2, 0.999), NonNegative(Epsilon, 1e-8), WeightDecayAt(weightDecay)];

    private static OptimizerParameter Fraction(string name, double value) => new(name, value, ParameterRange.Fraction);

    private static OptimizerParameter NonNegative(string name, double value) => new(name, value, ParameterRange.NonNegative);

    private static OptimizerParameter WeightDecayAt(double value) => NonNegative(WeightDecay, value);
}
