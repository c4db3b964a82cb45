using static TorchSharp.torch;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// The element-wise update rules of GD, Momentum and TF1 Adam, written once for the per-run optimizers
/// (<see cref="Tf1GradientDescent"/>, <see cref="Tf1Momentum"/>, <see cref="Tf1Adam"/>) and the stacked engine.
/// Hyperparameters are tensors that broadcast against the parameter: 0-dim (in the parameter's dtype) for one run,
/// [K, 1, 1] for a stack of K runs with their own values. Call under no_grad inside a dispose scope; the slots are
/// updated in place.
/// </summary>
public static class UpdateRules
{
    /// <summary>TF1 ApplyGradientDescent and torch's SGD: w −= lr·g.</summary>
    public static void GradientDescent(Tensor parameter, Tensor gradient, Tensor learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.addcmul_(gradient, learningRate, value: -1);
    }

    /// <summary>TF1 ApplyMomentum (accum = μ·accum + g; w −= lr·accum), which is torch's SGD buffer without dampening.</summary>
    public static void Momentum(Tensor parameter, Tensor gradient, Tensor accumulator, Tensor learningRate, Tensor momentum)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(accumulator);
        var accumulated = accumulator.mul_(momentum).add_(gradient);
        parameter.addcmul_(accumulated, learningRate, value: -1);
    }

    /// <summary>
    /// TF1 ApplyAdam, as its kernel writes it: m += (g − m)(1−β1); v += (g² − v)(1−β2); w −= lr_t·m / (√v + ε),
    /// with lr_t from <see cref="AdamStepSize"/>.
    /// </summary>
    public static void Adam(
        Tensor parameter, Tensor gradient, Tensor m, Tensor v, Tensor stepSize, Tensor oneMinusBeta1, Tensor oneMinusBeta2, Tensor epsilon)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(v);
        m.lerp_(gradient, oneMinusBeta1);
        v.lerp_(gradient.square(), oneMinusBeta2);
        parameter.addcdiv_(m.mul(stepSize), v.sqrt().add_(epsilon), value: -1);
    }

    /// <summary>TF1 Adam's lr_t = lr·√(1−β2^t) / (1−β1^t) at step <paramref name="t"/> (from 1): both bias corrections in one scalar.</summary>
    public static double AdamStepSize(double learningRate, double beta1, double beta2, long t) =>
        learningRate * Math.Sqrt(1 - Math.Pow(beta2, t)) / (1 - Math.Pow(beta1, t));
}
