using MlIntro.Core.Experiments;
using TorchSharp;
using TorchSharp.Modules;
using P = MlIntro.Training.Optimizers.OptimizerParameterNames;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// Builds the optimizer an <see cref="OptimizerSpec"/> asks for, with TensorFlow 1 semantics where TF1 has it.
/// GD, Momentum and Adam are ours (<see cref="Tf1GradientDescent"/>, <see cref="Tf1Momentum"/>, <see cref="Tf1Adam"/>)
/// because the stacked engine applies the same <see cref="UpdateRules"/>; so are RMSProp and Ftrl
/// (<see cref="Tf1RmsProp"/>, <see cref="Ftrl"/>). TorchSharp's built-ins are used where their update is TF1's:
/// Nesterov (torch's SGD buffer b = μb + g is TF1's accum), Adagrad (initial accumulator 0.1, ε = 0: w −= lr·g/√n),
/// Adadelta (same ε placement as TF1's kernel, TF1's ρ and ε), and NAdam/AdamW (not in TF1).
/// Missing hyperparameters take <see cref="OptimizerPresets.DefaultsFor"/>; unknown names are rejected so a typo
/// never silently falls back to a default.
/// </summary>
public static class OptimizerFactory
{
    /// <exception cref="ArgumentException">A parameter name the kind does not read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A learning rate or hyperparameter out of its range.</exception>
    public static ITrainingOptimizer Create(OptimizerSpec spec, IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(parameters);
        var defaults = OptimizerPresets.DefaultsFor(spec.Kind);
        foreach (var name in spec.Parameters?.Keys ?? [])
        {
            if (!defaults.ContainsKey(name))
            {
                throw new ArgumentException(
                    $"Optimizer parameter '{name}' is not used by {spec.Kind} (it reads: {string.Join(", ", defaults.Keys)}).",
                    nameof(spec));
            }
        }
        double Get(string name) => spec.Parameter(name, defaults[name]);

        var lr = spec.LearningRate;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lr, nameof(spec.LearningRate));
        var list = parameters as IReadOnlyList<Parameter> ?? [.. parameters];
        return spec.Kind switch
        {
            OptimizerKind.GD => new Tf1GradientDescent(list, lr, Get(P.WeightDecay)),
            OptimizerKind.Momentum => new Tf1Momentum(list, lr, Fraction(Get(P.Momentum), P.Momentum), Get(P.WeightDecay)),
            OptimizerKind.Nesterov => Torch(torch.optim.SGD(list, lr, momentum: Fraction(Get(P.Momentum), P.Momentum),
                weight_decay: Get(P.WeightDecay), nesterov: true)),
            OptimizerKind.Adagrad => Torch(torch.optim.Adagrad(list, lr, weight_decay: Get(P.WeightDecay),
                initial_accumulator_value: Positive(Get(P.InitialAccumulator), P.InitialAccumulator),
                eps: Get(P.Epsilon))),
            OptimizerKind.Adadelta => Torch(torch.optim.Adadelta(list, lr, rho: Fraction(Get(P.Rho), P.Rho),
                eps: Get(P.Epsilon), weight_decay: Get(P.WeightDecay))),
            OptimizerKind.RMSProp => new Tf1RmsProp(list, lr, Get(P.Decay), Get(P.Momentum), Get(P.Epsilon), Get(P.WeightDecay)),
            OptimizerKind.Adam => new Tf1Adam(list, lr, Get(P.Beta1), Get(P.Beta2), Get(P.Epsilon), Get(P.WeightDecay), Get(P.InverseTimeDecay)),
            OptimizerKind.NAdam => Torch(torch.optim.NAdam(list, lr, Fraction(Get(P.Beta1), P.Beta1),
                Fraction(Get(P.Beta2), P.Beta2), Get(P.Epsilon), Get(P.WeightDecay))),
            OptimizerKind.AdamW => Torch(torch.optim.AdamW(list, lr, Fraction(Get(P.Beta1), P.Beta1),
                Fraction(Get(P.Beta2), P.Beta2), Get(P.Epsilon), Get(P.WeightDecay))),
            OptimizerKind.Ftrl => new Ftrl(list, lr, Get(P.LrPower), Get(P.InitialAccumulator), Get(P.L1), Get(P.L2),
                Get(P.WeightDecay)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown optimizer kind."),
        };
    }

    private static TorchOptimizer Torch(torch.optim.Optimizer optimizer) => new(optimizer);

    /// <summary>Decay rates live in [0, 1); torch checks some of them only when stepping, so check here.</summary>
    private static double Fraction(double value, string name) =>
        value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");

    private static double Positive(double value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0.");
}
