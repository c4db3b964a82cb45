using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
using MlIntro.Training.Trainers;
using static TorchSharp.torch;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// Trains an <see cref="EnsembleNet"/> with the definition's optimizer, batch size and penalty: binary cross-entropy on
/// the logit for classifiers, squared error for a regression (neural resampling), each event's loss multiplied by its
/// weight as the lecture says (<see cref="LossFunctions.Mean"/>, which also copes with negative weights). Synchronous, on
/// the run's thread.
/// </summary>
public sealed class EnsembleTrainer : IDisposable
{
    private const int PredictChunk = 50_000;
    private readonly ITrainingOptimizer _optimizer;
    private readonly ModelSpec _model;
    private readonly ProblemKind _problem;
    private readonly int _batchSize;
    private readonly Random _shuffle;
    private readonly Device _device;

    public EnsembleTrainer(ExperimentDefinition definition, int inputs, int members, ProblemKind problem, int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _model = definition.RequiredModel;
        _problem = problem;
        _batchSize = definition.RequiredTraining.BatchSize;
        _shuffle = new Random(seed);
        _device = device;
        Net = new EnsembleNet(inputs, _model, members, seed, device);
        try
        {
            _optimizer = OptimizerFactory.Create(definition.RequiredOptimizer, Net.parameters());
        }
        catch
        {
            Net.Dispose();
            throw;
        }
    }

    public EnsembleNet Net { get; }

    /// <summary>One epoch in shuffled batches; returns the members' mean weighted loss, averaged over the batches.</summary>
    public double TrainEpoch(WeightedTensors train, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(train);
        Net.train();
        var order = BatchOrder.Permutation(train.Rows, _shuffle);
        double total = 0;
        var batches = 0;
        for (var start = 0; start < train.Rows; start += _batchSize)
        {
            token.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var length = Math.Min(_batchSize, train.Rows - start);
            using var index = tensor(order.AsSpan(start, length).ToArray(), device: _device);
            var loss = MemberLosses(Net.forward(train.X.index_select(0, index)), train.Y.index_select(0, index), train.W.index_select(0, index));
            var objective = loss.sum();
            if (_model.Regularization != Regularization.None && _model.RegularizationRate > 0)
            {
                objective += Net.Penalty(_model.Regularization).sum() * _model.RegularizationRate;
            }
            _optimizer.ZeroGrad();
            objective.backward();
            _optimizer.Step();
            total += loss.mean().item<float>();
            batches++;
        }
        return batches == 0 ? double.NaN : total / batches;
    }

    /// <summary>The members' mean weighted loss on a set, without training.</summary>
    public double Loss(WeightedTensors set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Net.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return MemberLosses(Net.forward(set.X), set.Y, set.W).mean().item<float>();
    }

    /// <summary>Every member's output (logit or value) per row of <paramref name="x"/>: [member][row].</summary>
    public double[][] Predict(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Net.eval();
        var rows = (int)x.shape[0];
        var result = Enumerable.Range(0, Net.Members).Select(_ => new double[rows]).ToArray();
        using var noGrad = no_grad();
        for (var start = 0; start < rows; start += PredictChunk)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(PredictChunk, rows - start);
            var output = Net.forward(x.narrow(0, start, length)).to_type(ScalarType.Float64).contiguous().cpu();
            var values = output.data<double>().ToArray();
            for (var k = 0; k < Net.Members; k++)
            {
                Array.Copy(values, k * length, result[k], start, length);
            }
        }
        return result;
    }

    /// <summary>[K]: each member's weighted mean loss.</summary>
    private Tensor MemberLosses(Tensor output, Tensor target, Tensor weights)
    {
        var perEvent = LossFunctions.Elementwise(output, target.unsqueeze(0).expand_as(output), _problem);
        var total = weights.sum().item<float>();
        // As LossFunctions.Mean: Σw·loss/Σw, or /n when negative weights nearly cancel.
        var norm = total > 1e-6f * weights.shape[0] ? total : weights.shape[0];
        return (perEvent * weights.unsqueeze(0)).sum(1) / norm;
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        Net.Dispose();
    }
}
