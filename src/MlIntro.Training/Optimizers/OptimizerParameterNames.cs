using Shared = MlIntro.Core.Optimizers.OptimizerParameters;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// The keys of <see cref="MlIntro.Core.Experiments.OptimizerSpec.Parameters"/> the factory reads; the names live in
/// <see cref="MlIntro.Core.Optimizers.OptimizerParameters"/> (with defaults and ranges) so that Core can validate them.
/// </summary>
public static class OptimizerParameterNames
{
    public const string Momentum = Shared.Momentum;
    public const string Rho = Shared.Rho;
    public const string Epsilon = Shared.Epsilon;
    public const string InitialAccumulator = Shared.InitialAccumulator;
    public const string Beta1 = Shared.Beta1;
    public const string Beta2 = Shared.Beta2;
    public const string Decay = Shared.Decay;
    public const string LrPower = Shared.LrPower;
    public const string L1 = Shared.L1;
    public const string L2 = Shared.L2;
    public const string WeightDecay = Shared.WeightDecay;
    public const string InverseTimeDecay = Shared.InverseTimeDecay;
}
