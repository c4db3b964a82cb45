using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using TorchSharp;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// Runs the likelihood lesson's definitions (<see cref="ExperimentDefinition.Likelihood"/>) on the calling thread: the
/// classifier trick with reweighting (<see cref="RatioRun"/>) or negative event weights (<see cref="NegativeWeightRun"/>).
/// </summary>
public sealed class LikelihoodRunExecutor(DatasetCatalog catalog, torch.Device device, TrainingOptions options, ILogger<LikelihoodRunExecutor> logger) : IRunExecutor
{
    public void Execute(ExperimentRun run) => RunGuard.Execute(run, logger, token => Train(run, token));

    private (ExperimentStatus Status, string? Message) Train(ExperimentRun run, CancellationToken token)
    {
        var definition = run.Definition;
        var spec = definition.Likelihood ?? throw new ArgumentException("Likelihood: this executor runs likelihood definitions only.");
        // Tiny networks are bound by per-call overhead: one thread each leaves the other core to other runs.
        torch.set_num_threads(options.ThreadsPerRun > 0 ? options.ThreadsPerRun : 1);
        if (spec.Task == LikelihoodTask.NegativeWeights)
        {
            return new NegativeWeightRun(run, device).Execute(token);
        }
        var problem = spec.Toy == LikelihoodToyKind.HiggsBackground
            ? RatioProblems.FromHiggs(catalog.Load(definition.RequiredData, definition.Seed, token), definition.Seed)
            : RatioProblems.FromToy(spec, definition.Seed);
        return new RatioRun(run, problem, device).Execute(token);
    }
}
