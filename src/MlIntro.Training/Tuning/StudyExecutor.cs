using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using MlIntro.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Tuning;

/// <summary>
/// Runs a hyperparameter study (<see cref="ExperimentDefinition.Study"/>): trials in waves of the study's population,
/// each wave sampled from the trials finished before it; trials whose networks stack train together as one stacked
/// computation (<see cref="StackedTrials"/>), the others a few at once through the single-run path
/// (<see cref="SingleTrials"/>). Every finished trial is published (and so stored) as it ends. A study that resumes
/// a stopped one (<see cref="StudySpec.ResumeFrom"/>) takes over its finished trials and trains only the others; so does a
/// study resumed in place after a server restart (its stored trials come back through <see cref="RunBroadcaster.Restored"/>).
/// Trials that were training when the server stopped have no result and train again from scratch.
/// </summary>
public sealed class StudyExecutor(
    StackedRunExecutor stacked, NetworkRunExecutor network, IExperimentStore store, Device device, TrainingOptions options, ILogger<StudyExecutor> logger,
    Trees.BoostedTreesExecutor? trees = null)
    : IRunExecutor
{
    public void Execute(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        RunGuard.Execute(run, logger, token => Run(run, token));
    }

    private (ExperimentStatus, string?) Run(ExperimentRun run, CancellationToken token)
    {
        // As the stacked engine: tiny networks gain nothing from more torch threads, a shared machine loses a lot.
        torch.set_num_threads(options.ThreadsPerRun > 0 ? options.ThreadsPerRun : 1);
        var definition = run.Definition;
        var study = definition.Study ?? throw new InvalidOperationException("Not a study.");
        var dimensions = SearchDimensions.Of(study.Space);
        var sampler = TrialSamplers.For(study.Sampler, dimensions, definition.Seed);
        var epochs = definition.RequiredTraining.Epochs;
        var rungs = study.Pruning is { } pruning ? new RungBook(pruning, epochs) : null;
        var publisher = new StudyPublisher(run, study.Trials, epochs);
        // Resumed in place after a restart: its trials are already in its stream, so they are kept, not published again.
        var kept = run.Events.Restored.Select(e => e.Study?.Trial).OfType<TrialRecord>().DistinctBy(t => t.Number).ToList();
        foreach (var trial in kept)
        {
            publisher.Kept(trial);
            rungs?.Remember(trial);
        }
        foreach (var trial in Previous(definition, token))
        {
            publisher.Resumed(trial);
            rungs?.Remember(trial);
        }
        var context = new StudyContext(study.Objective, epochs, rungs, t =>
        {
            publisher.Trial(t);
        }, publisher.Progress, token);
        var done = publisher.Trials.Select(t => t.Number).ToHashSet();
        var pending = Enumerable.Range(0, study.Trials).Where(n => !done.Contains(n)).ToList();
        for (var start = 0; start < pending.Count; start += study.Population)
        {
            token.ThrowIfCancellationRequested();
            var history = publisher.Trials.Select(t => new SampledTrial(t.Values, Loss(t, study.Objective), t.State == TrialState.Pruned)).ToList();
            var wave = pending.Skip(start).Take(study.Population).Select(n =>
            {
                var values = sampler.Sample(n, history);
                return new TrialTracker(n, values, TrialDefinitions.For(definition, values, dimensions));
            }).ToList();
            TrainWave(run, wave, context);
        }
        var trials = publisher.Trials;
        var best = trials.Where(t => t.Objective is not null && t.State == TrialState.Complete)
            .OrderBy(t => Loss(t, study.Objective)).FirstOrDefault();
        var restart = kept.Count > 0
            ? $" ({kept.Count} kept from before a server restart; those training then started again from scratch)"
            : "";
        return (ExperimentStatus.Finished, best is null
            ? $"{trials.Count} trials{restart}, none completed."
            : $"{trials.Count} trials{restart}; best: trial {best.Number}, {study.Objective.Label()} {best.Objective:G4}.");
    }

    private void TrainWave(ExperimentRun run, List<TrialTracker> wave, StudyContext context)
    {
        var children = new List<ExperimentRun>();
        var stackable = new List<(TrialTracker, StackedMember)>();
        var alone = new List<TrialTracker>();
        try
        {
            foreach (var trial in wave)
            {
                var child = new ExperimentRun($"{run.Id}.{trial.Number}", trial.Definition, run.OwnerId);
                children.Add(child);
                if (stacked.TryBuild(child) is { } member)
                {
                    stackable.Add((trial, member));
                }
                else
                {
                    alone.Add(trial);
                }
            }
            if (stackable.Count > 0)
            {
                new StackedTrials(device).Train(stackable, context);
            }
            if (alone.Count > 0)
            {
                // A study of boosted trees trains every trial as trees (trees never stack).
                IRunExecutor single = run.Definition.BoostedTrees is not null && trees is not null ? trees : network;
                new SingleTrials(single, options.HeavyRunSlots).Train(run, alone, context);
            }
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }
    }

    /// <summary>The objective turned so that lower is better, for samplers and for picking the best.</summary>
    private static double? Loss(TrialRecord trial, StudyObjective objective) =>
        trial.Objective is { } value ? (objective.Maximises() ? -value : value) : null;

    /// <summary>The finished trials of the study this one resumes, once each; none when it resumes nothing.</summary>
    private List<TrialRecord> Previous(ExperimentDefinition definition, CancellationToken token)
    {
        if (definition.Study?.ResumeFrom is not { } id)
        {
            return [];
        }
        // The executor's own thread: nothing else waits on it, so blocking on the store is fine here.
        var stored = store.FindAsync(id, token).GetAwaiter().GetResult()
            ?? throw new InvalidExperimentException([$"Study.ResumeFrom: there is no run '{id}'."]);
        if (!stored.Status.IsTerminal())
        {
            throw new InvalidExperimentException([$"Study.ResumeFrom: run '{id}' has not stopped; resume it once it has."]);
        }
        if (!SameStudy(stored.Definition, definition))
        {
            throw new InvalidExperimentException([$"Study.ResumeFrom: run '{id}' is another study; only the same definition can be resumed."]);
        }
        var events = store.EventsAsync(id, token).GetAwaiter().GetResult();
        return [.. events.Select(e => e.Study?.Trial).OfType<TrialRecord>().DistinctBy(t => t.Number)];
    }

    private static bool SameStudy(ExperimentDefinition stored, ExperimentDefinition resuming)
    {
        static string Key(ExperimentDefinition d) =>
            JsonSerializer.Serialize(d with { Study = d.Study! with { ResumeFrom = null } }, ExperimentJson.Options);
        return stored.Study is not null && Key(stored) == Key(resuming);
    }
}
