using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// Adam as TF1's AdamOptimizer / ApplyAdam. It differs from torch.optim.Adam only in where ε sits:
/// TF1 folds both bias corrections into the step size and adds ε to the uncorrected √v ("ε-hat"):
/// <code>
/// m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²
/// lr_t = lr·√(1−β2^t) / (1−β1^t);  w −= lr_t · m / (√v + ε)
/// </code>
/// torch divides by √(v/(1−β2^t)) + ε instead, which differs while v is tiny (the first steps, flat regions).
/// The rule itself is <see cref="UpdateRules.Adam"/>, shared with the stacked engine.
/// </summary>
public sealed class Tf1Adam : Tf1Optimizer
{
    private readonly Tensor[] _m;
    private readonly Tensor[] _v;
    private readonly Tensor _oneMinusBeta1;
    private readonly Tensor _oneMinusBeta2;
    private readonly Tensor _epsilon;
    private Tensor? _stepSize;

    public Tf1Adam(
        IEnumerable<Parameter> parameters,
        double learningRate,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        double weightDecay = 0,
        double inverseTimeDecay = 0)
        : base(parameters, learningRate, weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inverseTimeDecay);
        InverseTimeDecay = inverseTimeDecay;
        ArgumentOutOfRangeException.ThrowIfNegative(beta1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(beta1, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(beta2);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(beta2, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _m = CreateSlots(0);
        _v = CreateSlots(0);
        _oneMinusBeta1 = OwnedConstant(1 - beta1);
        _oneMinusBeta2 = OwnedConstant(1 - beta2);
        _epsilon = OwnedConstant(epsilon);
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    /// <summary>Inverse-time decay d per step: step t (from 1) uses lr / (1 + d·(t − 1)), as Keras' InverseTimeDecay.</summary>
    public double InverseTimeDecay { get; }

    // The step size changes every step; the step's scope frees it.
    protected override void BeginStep() => _stepSize = Constant(UpdateRules.AdamStepSize(LearningRate / (1 + (InverseTimeDecay * (StepCount - 1))), Beta1, Beta2, StepCount));

    protected override void Update(int index, Tensor parameter, Tensor gradient) =>
        UpdateRules.Adam(parameter, gradient, _m[index], _v[index], _stepSize!, _oneMinusBeta1, _oneMinusBeta2, _epsilon);
}
