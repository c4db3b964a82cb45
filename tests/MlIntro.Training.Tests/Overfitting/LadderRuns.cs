using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Experiments;
using MlIntro.Training.Overfitting;
using MlIntro.Training.Tests.Support;
using TorchSharp;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>Runs a capacity ladder on this thread over the real HIGGS subsample.</summary>
internal static class LadderRuns
{
    public static LadderExecutor Executor() =>
        new(HiggsRuns.Catalog, torch.CPU, new TrainingOptions { ThreadsPerRun = 2 }, NullLogger<LadderExecutor>.Instance);

    public static RunLog Run(ExperimentDefinition definition)
    {
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        Executor().Execute(run);
        return log;
    }

    public static EpochMetrics[] Series(RunLog log, string name) => [.. log.Epochs.Where(m => m.Series == name)];
}
