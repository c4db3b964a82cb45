using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
using P = MlIntro.Training.Optimizers.OptimizerParameterNames;

namespace MlIntro.Training.Batching;

/// <summary>
/// Which runs the stacked engine trains, and which of them train in one stack. Everything else falls back to
/// <see cref="Runs.NetworkRunExecutor"/>: dropout (per-run masks), a validation split, event weights, multi-class
/// outputs, data without a plane (no boundary to draw), and optimizers other than GD, Momentum and Adam, or any of
/// them with weight decay; so do hyperparameters out of range, so that the executor reports them as it always has;
/// and runs whose epoch would cost more than the limit (<see cref="StackedCost"/>): every run of the engine waits for it.
/// </summary>
public static class StackedCompatibility
{
    /// <summary>What can be decided from the definition alone, before loading the data.</summary>
    /// <param name="maxEpochCost">The largest <see cref="StackedCost"/> of an epoch the engine takes.</param>
    public static bool Accepts(ExperimentDefinition definition, double maxEpochCost)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var optimizer = definition.Optimizer;
        return optimizer is not null && definition.Race is null && definition.Ladder is null
            && optimizer.Parameter(P.InverseTimeDecay, 0) == 0
            && definition.Surface is null
            && definition.RequiredModel.HiddenLayers.All(l => l.Dropout == 0)
            && definition.RequiredTraining.ValidationFraction == 0
            && !definition.RequiredTraining.BalanceClasses
            && definition.RequiredTraining.Epochs > 0
            && definition.RequiredTraining.BatchSize > 0
            && optimizer.Kind is OptimizerKind.GD or OptimizerKind.Momentum or OptimizerKind.Adam
            && optimizer.LearningRate > 0 && double.IsFinite(optimizer.LearningRate)
            // Names the kind does not read make the factory throw; the executor reports that.
            && (optimizer.Parameters?.Keys.All(OptimizerPresets.DefaultsFor(optimizer.Kind).ContainsKey) ?? true)
            && StackedHyperparameters.Of(definition) is { } h
            && h.Momentum is >= 0 and < 1 && h.Beta1 is >= 0 and < 1 && h.Beta2 is >= 0 and < 1 && h.Epsilon >= 0
            && h.WeightDecay == 0
            && double.IsFinite(h.RegularizationRate) && h.RegularizationRate >= 0
            && StackedCost.PerEpoch(definition) <= maxEpochCost;
    }

    /// <summary>The stack a run joins once its data is loaded, or null when the data rules it out.</summary>
    public static StackKey? KeyFor(ExperimentDefinition definition, DatasetSplit data, ModelShape shape, double maxEpochCost)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (!Accepts(definition, maxEpochCost) || data.Plane is null || data.Train.Weights is not null || data.Test.Weights is not null
            || !(shape.IsBinary || shape.Problem == ProblemKind.Regression)
            || data.Train.Rows == 0 || data.Test.Rows == 0
            || StackedCost.PerEpoch(definition, data, shape) > maxEpochCost)
        {
            return null;
        }
        var model = definition.RequiredModel;
        // A rate of 0 adds no penalty in the executor either: such runs stack with the unregularized ones.
        var regularization = model.RegularizationRate == 0 ? Regularization.None : model.Regularization;
        return new StackKey(
            shape.Inputs,
            string.Join('-', model.HiddenLayers.Select(l => l.Neurons)),
            model.Activation,
            shape.Problem,
            shape.Outputs,
            definition.RequiredTraining.BatchSize,
            data.Train.Rows,
            data.Test.Rows,
            definition.RequiredOptimizer.Kind,
            regularization);
    }
}

/// <summary>What runs in one stack share: their tensors' shapes and the operations of their training step.</summary>
/// <param name="Hidden">Hidden layer widths joined by '-' ("4-2"); a record with a list would compare by reference.</param>
public sealed record StackKey(
    int Inputs,
    string Hidden,
    Activation Activation,
    ProblemKind Problem,
    int Outputs,
    int BatchSize,
    int TrainRows,
    int TestRows,
    OptimizerKind Optimizer,
    Regularization Regularization)
{
    public IReadOnlyList<int> HiddenWidths => Hidden.Length == 0 ? [] : [.. Hidden.Split('-').Select(int.Parse)];
}

/// <summary>What may differ between runs of one stack: one value each, applied as a [K, 1, 1] tensor.</summary>
public sealed record StackedHyperparameters(
    double LearningRate,
    double Momentum,
    double Beta1,
    double Beta2,
    double Epsilon,
    double WeightDecay,
    double RegularizationRate)
{
    /// <summary>The definition's values, missing ones at <see cref="OptimizerPresets.DefaultsFor"/> as the factory reads them.</summary>
    public static StackedHyperparameters Of(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var spec = definition.RequiredOptimizer;
        var defaults = OptimizerPresets.DefaultsFor(spec.Kind);
        double Get(string name) => spec.Parameter(name, defaults.TryGetValue(name, out var value) ? value : 0);
        return new StackedHyperparameters(
            spec.LearningRate,
            Get(P.Momentum),
            Get(P.Beta1),
            Get(P.Beta2),
            Get(P.Epsilon),
            Get(P.WeightDecay),
            definition.RequiredModel.RegularizationRate);
    }
}
