namespace MlIntro.Core.Optimizers;

/// <summary>One hyperparameter an optimizer reads: its key in <see cref="Experiments.OptimizerSpec.Parameters"/>, default and range.</summary>
public sealed record OptimizerParameter(string Name, double Default, ParameterRange Range);
