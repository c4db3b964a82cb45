using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Runs;
using static TorchSharp.torch;

namespace MlIntro.Training.Batching;

/// <summary>
/// Runs a Playground-sized network on the shared <see cref="StackedPlaygroundEngine"/>: loads the data and builds the
/// network on the run's own thread (exactly as <see cref="NetworkRunExecutor"/> does, same seed, same init), hands
/// both to the engine and blocks until the engine ends the run, so the scheduler's thread-per-run model is unchanged.
/// Runs the engine cannot stack (see <see cref="StackedCompatibility"/>) go to <see cref="NetworkRunExecutor"/>.
/// Owns the engine (one per process, as this executor is a singleton).
/// </summary>
public sealed class StackedRunExecutor(
    DatasetCatalog catalog, Device device, TrainingOptions options, NetworkRunExecutor fallback, ILoggerFactory loggers)
    : IRunExecutor, IDisposable
{
    private readonly StackedPlaygroundEngine _engine = new(device, options, loggers.CreateLogger<StackedPlaygroundEngine>());

    /// <summary>Whether <paramref name="run"/> may be stacked, judged from its definition (the data may still say no).</summary>
    public bool Accepts(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return options.StackPlaygroundRuns && StackedCompatibility.Accepts(run.Definition, options.StackedMaxEpochCost);
    }

    public void Execute(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var member = TryBuild(run);
        if (member is null)
        {
            // Not stackable after all, or its data failed to load: the executor reports that as it always does.
            fallback.Execute(run);
            return;
        }
        if (!_engine.Join(member))
        {
            // The server is stopping: the engine never saw this member, so its tensors are still this thread's.
            member.End(ExperimentStatus.Interrupted, ExperimentRun.InterruptedMessage);
            member.Dispose();
            return;
        }
        using var wake = run.Cancellation.Register(_engine.Wake);
        try
        {
            member.Ended.Wait(run.Cancellation);
        }
        catch (OperationCanceledException)
        {
            // Ends the run at once; the engine drops it from its stack at its next step.
            var (status, message) = run.StoppedOutcome;
            member.End(status, message);
        }
    }

    /// <summary>Stops the shared engine and waits for its thread (see <see cref="StackedPlaygroundEngine.Stop"/>).</summary>
    public bool StopEngine(TimeSpan timeout) => _engine.Stop(timeout);

    public void Dispose() => _engine.Dispose();

    internal StackedMember? TryBuild(ExperimentRun run)
    {
        var definition = run.Definition;
        if (!Accepts(run) || run.Cancellation.IsCancellationRequested)
        {
            return null;
        }
        DatasetSplit data;
        try
        {
            data = catalog.Load(definition.RequiredData, definition.Seed, run.Cancellation);
        }
#pragma warning disable CA1031 // Whatever went wrong, the fallback executor loads again and reports it its way.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        var key = StackedCompatibility.KeyFor(definition, data, shape, options.StackedMaxEpochCost);
        if (key is null)
        {
            return null;
        }
        run.Events.Meter.SamplesPerEpoch = data.Train.Rows;
        run.Events.PublishStatus(ExperimentStatus.Running);
        return Build(run, key, data, shape);
    }

    /// <summary>The run's network as <see cref="Mlp"/> initialises it, transposed to [in, out] for the stack, and its data.</summary>
    private StackedMember Build(ExperimentRun run, StackKey key, DatasetSplit data, ModelShape shape)
    {
        var definition = run.Definition;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var model = new Mlp(shape.Inputs, definition.RequiredModel, shape.Outputs, definition.Seed);
        var state = new List<Tensor>();
        // Layer by layer, weight then bias: the layout StackedGroup reads (parameters() lists them in another order).
        var named = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var parameters = Enumerable.Range(0, model.LayerCount)
            .SelectMany(l => new[] { named[$"layers.{l}.weight"], named[$"layers.{l}.bias"] })
            .ToList();
        foreach (var parameter in parameters)
        {
            var value = parameter.dim() == 2 ? parameter.detach().t() : parameter.detach().unsqueeze(0);
            state.Add(value.contiguous().clone().to(device).DetachFromDisposeScope());
        }
        // Optimizer slots (momentum accumulator; Adam's m, then v) start at zero, as Tf1Momentum and Tf1Adam start them.
        for (var slot = 0; slot < StackedGroup.SlotsPerParameter(key.Optimizer); slot++)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                state.Add(zeros_like(state[i]).DetachFromDisposeScope());
            }
        }
        var train = SplitTensors.From(data.Train, shape, device);
        var test = SplitTensors.From(data.Test, shape, device);
        var features = definition.RequiredData.Features ?? PlaneFeatures.Default;
        var grid = PlaneGrid.ForBoundary(data.Plane!, features, device);
        var neuronGrid = PlaneGrid.ForNeurons(data.Plane!, features, device);
        return new StackedMember(run, key, StackedHyperparameters.Of(definition), data, state,
            train.X.DetachFromDisposeScope(), train.Y.DetachFromDisposeScope(),
            test.X.DetachFromDisposeScope(), test.Y.DetachFromDisposeScope(),
            grid.Inputs.DetachFromDisposeScope(), neuronGrid.Inputs.DetachFromDisposeScope(), grid);
    }
}
