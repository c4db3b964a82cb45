using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Optimizers;

/// <summary>
/// Base of the optimizers written here with TensorFlow 1's update equations (tf.train.*Optimizer and the
/// Apply* kernels of training_ops), where torch.optim has no such optimizer or a different one.
/// Works on any parameters, dtype or device: its slot tensors are created like the parameters.
/// </summary>
public abstract class Tf1Optimizer : ITrainingOptimizer
{
    private readonly Parameter[] _parameters;
    private readonly List<Tensor> _slots = [];
    private bool _disposed;

    /// <param name="weightDecay">Coupled L2 decay (grad += weightDecay · param), as torch.optim's weight_decay; 0 in TF1.</param>
    protected Tf1Optimizer(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _parameters = [.. parameters];
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    public double LearningRate { get; }

    public double WeightDecay { get; }

    /// <summary>Number of <see cref="Step"/> calls so far (TF1's t, the bias-correction exponent of Adam).</summary>
    public long StepCount { get; private set; }

    protected IReadOnlyList<Parameter> Parameters => _parameters;

    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StepCount++;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        BeginStep();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }
            if (WeightDecay != 0)
            {
                gradient = gradient.add(parameter, alpha: WeightDecay);
            }
            Update(i, parameter, gradient);
        }
    }

    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>Applies one update to parameter <paramref name="index"/>; runs under no_grad inside a dispose scope.</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor gradient);

    /// <summary>Runs once per <see cref="Step"/> before the updates, in the step's scope (for values that change each step).</summary>
    protected virtual void BeginStep()
    {
    }

    /// <summary>
    /// A 0-dim tensor holding <paramref name="value"/> in the parameters' dtype and device, for <see cref="UpdateRules"/>;
    /// owned by this optimizer unless created inside <see cref="BeginStep"/>'s scope.
    /// </summary>
    protected Tensor Constant(double value)
    {
        var like = _parameters.Length > 0 ? _parameters[0] : null;
        return tensor(value, like?.dtype ?? ScalarType.Float32, like?.device);
    }

    /// <summary>A <see cref="Constant"/> that lives as long as the optimizer.</summary>
    protected Tensor OwnedConstant(double value)
    {
        var constant = Constant(value).DetachFromDisposeScope();
        _slots.Add(constant);
        return constant;
    }

    /// <summary>One slot tensor per parameter, filled with <paramref name="value"/>, owned (and disposed) by this optimizer.</summary>
    protected Tensor[] CreateSlots(double value)
    {
        var slots = new Tensor[_parameters.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            // Detached from any scope the caller may have open: slots live as long as the optimizer.
            using var noGrad = no_grad();
            slots[i] = full_like(_parameters[i], value).DetachFromDisposeScope();
            _slots.Add(slots[i]);
        }
        return slots;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (disposing)
        {
            foreach (var slot in _slots)
            {
                slot.Dispose();
            }
            _slots.Clear();
        }
    }
}
