using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// TF1's MomentumOptimizer (not Nesterov), whose accumulator is torch's SGD momentum buffer: see
/// <see cref="UpdateRules.Momentum"/>. The accumulator starts at 0, so the first step is plain GD, as in both.
/// </summary>
public sealed class Tf1Momentum : Tf1Optimizer
{
    private readonly Tensor _learningRate;
    private readonly Tensor _momentum;
    private readonly Tensor[] _accumulators;

    public Tf1Momentum(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.9, double weightDecay = 0)
        : base(parameters, learningRate, weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(momentum, 1);
        Momentum = momentum;
        _learningRate = OwnedConstant(learningRate);
        _momentum = OwnedConstant(momentum);
        _accumulators = CreateSlots(0);
    }

    public double Momentum { get; }

    protected override void Update(int index, Tensor parameter, Tensor gradient) =>
        UpdateRules.Momentum(parameter, gradient, _accumulators[index], _learningRate, _momentum);
}
