using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Scheduling;

namespace MlIntro.Training.Runs;

/// <summary>
/// Picks the executor a definition needs: a race on a surface, a race of networks, a small network that can share the
/// stacked Playground engine, or one network on its own thread.
/// </summary>
public sealed class RunExecutorSelector(
    NetworkRunExecutor network,
    NetworkRaceExecutor networkRace,
    SurfaceRaceExecutor surfaceRace,
    StackedRunExecutor? stacked = null,
    Likelihood.LikelihoodRunExecutor? likelihood = null,
    Overfitting.LadderExecutor? ladder = null,
    Tuning.StudyExecutor? study = null,
    Trees.BoostedTreesExecutor? trees = null)
{
    public IRunExecutor For(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Definition switch
        {
            { Surface: not null } => surfaceRace,
            { Study: not null } when study is not null => study,
            { Race.Count: > 0 } => networkRace,
            { Likelihood: not null } when likelihood is not null => likelihood,
            { Ladder.Count: > 0 } when ladder is not null => ladder,
            { BoostedTrees: not null } when trees is not null => trees,
            // A run going on from a checkpoint trains alone: the stack starts every member from its own seed.
            _ when stacked is not null && run.ResumeFrom is null && stacked.Accepts(run) => stacked,
            _ => network,
        };
    }

    /// <summary>
    /// Light when the run is small enough for the stacked engine (whether or not stacking is switched on: then it is a
    /// tiny network on one torch thread), or a race on a surface (a few thousand steps of a formula, over in a moment).
    /// Everything else trains a network on a thread of its own.
    /// </summary>
    /// <param name="maxEpochCost">The stacked engine's threshold (<see cref="TrainingOptions.StackedMaxEpochCost"/>).</param>
    public static RunWeight WeightOf(ExperimentRun run, double maxEpochCost)
    {
        ArgumentNullException.ThrowIfNull(run);
        return WeightOf(run.Definition, maxEpochCost);
    }

    /// <inheritdoc cref="WeightOf(ExperimentRun, double)"/>
    public static RunWeight WeightOf(ExperimentDefinition definition, double maxEpochCost)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Study is null && definition.BoostedTrees is null && (definition.Surface is not null || StackedCompatibility.Accepts(definition, maxEpochCost)) ? RunWeight.Light : RunWeight.Heavy;
    }
}
