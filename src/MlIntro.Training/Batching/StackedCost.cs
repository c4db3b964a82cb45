using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;

namespace MlIntro.Training.Batching;

/// <summary>
/// What one epoch of a run costs the stacked engine's one thread, in multiply-add equivalents. Every run of the
/// engine waits for every group's epoch, so a run above <see cref="TrainingOptions.StackedMaxEpochCost"/> trains on
/// its own thread instead (<see cref="Runs.NetworkRunExecutor"/>), where it can never stall the others.
/// </summary>
/// <remarks>
/// cost = parameters × (4 × trainRows + testRows + frameCells) + steps × weightLayers × <see cref="StepOverhead"/>.
/// Arithmetic: a forward pass costs a multiply-add per parameter and row and a training step's backward pass about
/// two more, so training is 3 passes over the training rows, measuring after the epoch one more over each split,
/// and a frame one over the boundary and neuron grids. Overhead: tiny networks are bound by per-call cost, not by
/// arithmetic; a step costs about 20 torch calls per weight layer (forward, backward, update), measured at about
/// 0.25 ms per layer and step on the 2-core test machine, about what 10⁵ multiply-adds cost there. With it, 8 hidden
/// layers of 8 on 7 features, 450 training rows and batch 1 (the biggest classification Playground run: 4.1 × 10⁸)
/// took about 1 s per epoch there; the repro of issue 9 (ten layers of 512, 45,000 rows, batch 1) comes to 4.9 × 10¹¹.
/// </remarks>
public static class StackedCost
{
    /// <summary>Per-call cost of one weight layer in one optimizer step, in multiply-add equivalents.</summary>
    public const double StepOverhead = 100_000;

    /// <summary>Cells of the boundary and neuron grids a frame evaluates.</summary>
    public const int FrameCells = PlaneGrid.BoundaryResolution * PlaneGrid.BoundaryResolution
        + PlaneGrid.NeuronResolution * PlaneGrid.NeuronResolution;

    /// <summary>The estimated cost of one epoch of a fully connected network.</summary>
    public static double PerEpoch(int inputs, IReadOnlyList<int> hiddenWidths, int outputs, int trainRows, int testRows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var parameters = 0d;
        var previous = inputs;
        foreach (var width in hiddenWidths.Append(outputs))
        {
            parameters += ((double)previous + 1) * width;
            previous = width;
        }
        var steps = Math.Ceiling((double)trainRows / batchSize);
        var weightLayers = hiddenWidths.Count + 1;
        return parameters * (4d * trainRows + testRows + FrameCells) + steps * weightLayers * StepOverhead;
    }

    /// <summary>
    /// The estimate from the definition alone, before its data is loaded: the generators' rows (points × train
    /// fraction), its features (the plane's two by default) and one output.
    /// </summary>
    public static double PerEpoch(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var data = definition.RequiredData;
        var trainRows = (int)(data.Points * data.TrainFraction);
        var inputs = (data.Features ?? PlaneFeatures.Default).Count;
        return PerEpoch(inputs, Widths(definition), 1, trainRows, data.Points - trainRows, definition.RequiredTraining.BatchSize);
    }

    /// <summary>The estimate from the loaded data.</summary>
    public static double PerEpoch(ExperimentDefinition definition, DatasetSplit data, ModelShape shape)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return PerEpoch(shape.Inputs, Widths(definition), shape.Outputs, data.Train.Rows, data.Test.Rows, definition.RequiredTraining.BatchSize);
    }

    private static int[] Widths(ExperimentDefinition definition) => [.. definition.RequiredModel.HiddenLayers.Select(l => l.Neurons)];
}
