using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
using MlIntro.Training.Trainers;
using static TorchSharp.torch;

namespace MlIntro.Training.Batching;

/// <summary>
/// K runs of one <see cref="StackKey"/> trained as one computation: every weight is a [K, in, out] stack multiplied
/// with torch.bmm, so one step of all K runs costs about the torch calls of one run's step. The loss is the sum
/// of each run's own mean loss, so each run's gradient is exactly its own. Activation, loss, penalty, optimizer
/// updates and batch order are the unstacked path's own definitions (<see cref="Activations"/>,
/// <see cref="LossFunctions"/>, <see cref="WeightPenalty"/>, <see cref="UpdateRules"/> with per-run hyperparameters
/// as [K, 1, 1] tensors, <see cref="BatchOrder"/>), so a change to one of them changes both. Used by the engine thread only.
/// </summary>
internal sealed class StackedGroup(StackKey key, Device device) : IDisposable
{
    private readonly int _layers = key.HiddenWidths.Count + 1;
    private readonly List<Tensor> _owned = [];
    private Tensor[] _state = [];
    private Tensor _trainX = null!;
    private Tensor _trainXFlat = null!;
    private Tensor _trainY = null!;
    private Tensor _trainYFlat = null!;
    private Tensor _testX = null!;
    private Tensor _testY = null!;
    private Tensor _grid = null!;
    private Tensor _neuronGrid = null!;
    private Tensor _learningRate = null!;
    private Tensor _momentum = null!;
    private Tensor _oneMinusBeta1 = null!;
    private Tensor _oneMinusBeta2 = null!;
    private Tensor _epsilon = null!;
    private Tensor _regularizationRate = null!;

    public StackKey Key { get; } = key;

    /// <summary>The runs in the stack, in stack order.</summary>
    public IReadOnlyList<StackedMember> Members { get; private set; } = [];

    /// <summary>Parameter and slot tensors of one run, in the layout <see cref="StackedMember.State"/> holds.</summary>
    public static int StateCount(StackKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = 2 * (key.HiddenWidths.Count + 1);
        return parameters * (1 + SlotsPerParameter(key.Optimizer));
    }

    public static int SlotsPerParameter(OptimizerKind kind) => kind switch
    {
        OptimizerKind.GD => 0,
        OptimizerKind.Momentum => 1,
        OptimizerKind.Adam => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a stacked optimizer."),
    };

    /// <summary>Hands the current runs their state back, then stacks <paramref name="members"/> (which hold theirs).</summary>
    public void Restack(IReadOnlyList<StackedMember> members)
    {
        Unstack();
        Members = [.. members];
        if (Members.Count == 0)
        {
            return;
        }
        var k = Members.Count;
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            _state = new Tensor[StateCount(Key)];
            for (var i = 0; i < _state.Length; i++)
            {
                var stacked = stack(Members.Select(m => m.State![i]).ToArray());
                _state[i] = Keep(i < 2 * _layers ? stacked.requires_grad_(true) : stacked);
            }
            foreach (var member in Members)
            {
                foreach (var tensor in member.State!)
                {
                    tensor.Dispose();
                }
                member.State = null;
            }
            _trainX = Keep(stack(Members.Select(m => m.TrainX).ToArray()));
            _trainXFlat = Keep(_trainX.view(k * Key.TrainRows, Key.Inputs));
            _trainY = Keep(stack(Members.Select(m => m.TrainY).ToArray()));
            _trainYFlat = Keep(_trainY.view(k * Key.TrainRows, 1));
            _testX = Keep(stack(Members.Select(m => m.TestX).ToArray()));
            _testY = Keep(stack(Members.Select(m => m.TestY).ToArray()));
            _grid = Keep(stack(Members.Select(m => m.Grid).ToArray()));
            _neuronGrid = Keep(stack(Members.Select(m => m.NeuronGrid).ToArray()));
            _learningRate = PerRun(h => h.LearningRate);
            _momentum = PerRun(h => h.Momentum);
            _oneMinusBeta1 = PerRun(h => 1 - h.Beta1);
            _oneMinusBeta2 = PerRun(h => 1 - h.Beta2);
            _epsilon = PerRun(h => h.Epsilon);
            _regularizationRate = PerRun(h => h.RegularizationRate);
        }
    }

    /// <summary>Copies each run's parameters and slots out of the stack into its <see cref="StackedMember.State"/>.</summary>
    public void Unstack()
    {
        if (Members.Count > 0)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            for (var k = 0; k < Members.Count; k++)
            {
                Members[k].State = [.. _state.Select(s => s[k].clone().DetachFromDisposeScope())];
            }
        }
        foreach (var tensor in _owned)
        {
            tensor.Dispose();
        }
        _owned.Clear();
        _state = [];
        Members = [];
    }

    /// <summary>One epoch of every run: each its own shuffle, batches of the key's size, one optimizer step each.</summary>
    /// <param name="stopping">Asked before every step: true when the engine is stopping. The epoch is then left
    /// unfinished, as it is when every run of the stack has ended (cancelled) meanwhile: nobody waits for the rest.</param>
    /// <returns>False when the epoch was left unfinished; its runs must not report it.</returns>
    public bool TrainEpoch(Func<bool> stopping)
    {
        ArgumentNullException.ThrowIfNull(stopping);
        var k = Members.Count;
        var rows = Key.TrainRows;
        using var epochScope = NewDisposeScope();
        var index = new long[k * rows];
        for (var m = 0; m < k; m++)
        {
            var order = BatchOrder.Permutation(rows, Members[m].Shuffle);
            for (var i = 0; i < rows; i++)
            {
                index[m * rows + i] = order[i] + (long)m * rows;
            }
        }
        var gather = tensor(index, device: device);
        var xs = _trainXFlat.index_select(0, gather).view(k, rows, Key.Inputs);
        var ys = _trainYFlat.index_select(0, gather).view(k, rows, 1);
        var parameters = _state.Take(2 * _layers).ToArray();
        for (var start = 0; start < rows; start += Key.BatchSize)
        {
            if (stopping() || Members.All(m => m.IsEnded))
            {
                return false;
            }
            using var stepScope = NewDisposeScope();
            var length = Math.Min(Key.BatchSize, rows - start);
            foreach (var parameter in parameters)
            {
                parameter.grad?.zero_();
            }
            var output = Forward(parameters, xs.narrow(1, start, length));
            var objective = LossFunctions.Elementwise(output, ys.narrow(1, start, length), Key.Problem).mean([1, 2]).sum();
            if (Key.Regularization != Regularization.None)
            {
                objective = objective + (Penalty(parameters) * _regularizationRate.view(k)).sum();
            }
            objective.backward();
            foreach (var member in Members)
            {
                member.Steps++;
            }
            using var noGrad = no_grad();
            Update(parameters);
        }
        return true;
    }

    /// <summary>Sets one weight of run <paramref name="index"/> in the stack ([K, in, out]); false when outside its network.</summary>
    public bool SetWeight(int index, WeightEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        using var scope = NewDisposeScope();
        return edit.IsValid && edit.Layer < _layers && StackedWeights.Set(_state[2 * edit.Layer][index], edit);
    }

    /// <summary>Run <paramref name="index"/>'s parameters (not its optimizer's slots), copied out of the stack and owned by the caller.</summary>
    public Tensor[] CopyParameters(int index)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return [.. _state.Take(2 * _layers).Select(p => p[index].clone().DetachFromDisposeScope())];
    }

    /// <summary>Writes <paramref name="parameters"/> (from <see cref="CopyParameters"/>) back into run <paramref name="index"/>'s place in the stack.</summary>
    public void SetParameters(int index, IReadOnlyList<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Count; i++)
        {
            _state[i][index].copy_(parameters[i]);
        }
    }

    /// <summary>Train and test loss (and accuracy for classification) of every run over its whole splits.</summary>
    public (float[] TrainLoss, float[] TestLoss, float[]? TrainAccuracy, float[]? TestAccuracy) Measure()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var parameters = _state.Take(2 * _layers).ToArray();
        var train = Forward(parameters, _trainX);
        var test = Forward(parameters, _testX);
        var rows = new List<Tensor>
        {
            LossFunctions.Elementwise(train, _trainY, Key.Problem).mean([1, 2]),
            LossFunctions.Elementwise(test, _testY, Key.Problem).mean([1, 2]),
        };
        var classification = Key.Problem == ProblemKind.Classification;
        if (classification)
        {
            rows.Add(LossFunctions.BinaryHits(train, _trainY).mean([1, 2]));
            rows.Add(LossFunctions.BinaryHits(test, _testY).mean([1, 2]));
        }
        var all = stack(rows).cpu().data<float>().ToArray();
        var k = Members.Count;
        float[] Row(int r) => all.AsSpan(r * k, k).ToArray();
        return (Row(0), Row(1), classification ? Row(2) : null, classification ? Row(3) : null);
    }

    /// <summary>Probability of class 1 on each test point, for the evaluation frames of run <paramref name="index"/>.</summary>
    public float[] TestScores(int index)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var which = tensor(new long[] { index }, device: device);
        var parameters = _state.Take(2 * _layers).Select(p => p.index_select(0, which)).ToArray();
        return Forward(parameters, _testX.index_select(0, which)).sigmoid().cpu().data<float>().ToArray();
    }

    /// <summary>Boundary frames of the runs at <paramref name="indices"/>, as the executor draws them.</summary>
    /// <param name="grids">False for lean frames: weights and biases only, the watcher draws (no grid is evaluated).</param>
    public IReadOnlyList<BoundaryFrame> Frames(IReadOnlyList<int> indices, bool grids = true)
    {
        const int resolution = PlaneGrid.BoundaryResolution;
        const int neuronResolution = PlaneGrid.NeuronResolution;
        ArgumentNullException.ThrowIfNull(indices);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var which = tensor(indices.Select(i => (long)i).ToArray(), device: device);
        var parameters = _state.Take(2 * _layers).Select(p => p.index_select(0, which)).ToArray();
        float[] shown = [];
        List<(int Width, float[] Values)> neurons = [];
        if (grids)
        {
            var output = Forward(parameters, _grid.index_select(0, which));
            shown = (Key.Problem == ProblemKind.Regression ? output : output.sigmoid()).cpu().data<float>().ToArray();
            var layers = ForwardAllLayers(parameters, _neuronGrid.index_select(0, which));
            neurons = [.. layers.Take(layers.Count - 1)
                .Select(a => (Width: (int)a.shape[2], Values: a.transpose(1, 2).contiguous().cpu().data<float>().ToArray()))];
        }
        var weights = Enumerable.Range(0, _layers)
            .Select(l => parameters[2 * l].transpose(1, 2).contiguous().cpu().data<float>().ToArray())
            .ToList();
        var biases = Enumerable.Range(0, _layers)
            .Select(l => parameters[2 * l + 1].contiguous().cpu().data<float>().ToArray())
            .ToList();
        var cells = resolution * resolution;
        var neuronCells = neuronResolution * neuronResolution;
        var frames = new List<BoundaryFrame>(indices.Count);
        for (var j = 0; j < indices.Count; j++)
        {
            var member = Members[indices[j]];
            List<float[]>? perRunNeurons = grids ? [] : null;
            foreach (var (width, values) in neurons)
            {
                for (var n = 0; n < width; n++)
                {
                    perRunNeurons!.Add(values.AsSpan((j * width + n) * neuronCells, neuronCells).ToArray());
                }
            }
            var perRunWeights = weights.Select(w =>
            {
                var size = w.Length / indices.Count;
                return w.AsSpan(j * size, size).ToArray();
            }).ToList();
            var perRunBiases = biases.Select(b =>
            {
                var size = b.Length / indices.Count;
                return b.AsSpan(j * size, size).ToArray();
            }).ToList();
            frames.Add(grids
                ? new BoundaryFrame(member.Epoch, resolution, member.GridMin, member.GridMax,
                    shown.AsSpan(j * cells, cells).ToArray(), neuronResolution, perRunNeurons, perRunWeights, perRunBiases)
                : new BoundaryFrame(member.Epoch, 0, member.GridMin, member.GridMax, [], 0, null, perRunWeights, perRunBiases));
        }
        return frames;
    }

    public void Dispose()
    {
        foreach (var tensor in _owned)
        {
            tensor.Dispose();
        }
        _owned.Clear();
        _state = [];
        Members = [];
    }

    private Tensor Forward(Tensor[] parameters, Tensor x) => ForwardAllLayers(parameters, x)[^1];

    private List<Tensor> ForwardAllLayers(Tensor[] parameters, Tensor x)
    {
        var outputs = new List<Tensor>(_layers);
        var h = x;
        for (var l = 0; l < _layers; l++)
        {
            h = bmm(h, parameters[2 * l]).add(parameters[2 * l + 1]);
            if (l < _layers - 1)
            {
                h = Activations.Apply(Key.Activation, h);
            }
            outputs.Add(h);
        }
        return outputs;
    }

    /// <summary>Each run's penalty: weights are [K, in, out], so one sum per run over dimensions 1 and 2.</summary>
    private Tensor Penalty(Tensor[] parameters) =>
        WeightPenalty.Sum(Key.Regularization, Enumerable.Range(0, _layers).Select(l => parameters[2 * l]), [1, 2]);

    /// <summary>The unstacked optimizers' rules, each run with its own hyperparameters and (for Adam) its own step count.</summary>
    private void Update(Tensor[] parameters)
    {
        var stepSize = Key.Optimizer == OptimizerKind.Adam
            ? tensor(Members.Select(m => (float)UpdateRules.AdamStepSize(m.Hyper.LearningRate, m.Hyper.Beta1, m.Hyper.Beta2, m.Steps)).ToArray(),
                [Members.Count, 1, 1], device: device)
            : null;
        var count = parameters.Length;
        for (var i = 0; i < count; i++)
        {
            var parameter = parameters[i];
            var gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }
            switch (Key.Optimizer)
            {
                case OptimizerKind.GD:
                    UpdateRules.GradientDescent(parameter, gradient, _learningRate);
                    break;
                case OptimizerKind.Momentum:
                    UpdateRules.Momentum(parameter, gradient, _state[count + i], _learningRate, _momentum);
                    break;
                default:
                    UpdateRules.Adam(parameter, gradient, _state[count + i], _state[2 * count + i], stepSize!, _oneMinusBeta1, _oneMinusBeta2, _epsilon);
                    break;
            }
        }
    }

    private Tensor PerRun(Func<StackedHyperparameters, double> value) =>
        Keep(tensor(Members.Select(m => (float)value(m.Hyper)).ToArray(), [Members.Count, 1, 1], device: device));

    private Tensor Keep(Tensor tensor)
    {
        var kept = tensor.DetachFromDisposeScope();
        _owned.Add(kept);
        return kept;
    }
}
