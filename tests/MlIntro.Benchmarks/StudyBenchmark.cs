using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training;

namespace MlIntro.Benchmarks;

/// <summary>
/// Lesson 7's target (issue 13, "Performance"): a 64-trial random study of the default Playground network (2-4-2-1
/// tanh, SGD, batch 10, 250 training points, 200 epochs per trial) finishes at least 10× faster than the same 64
/// trials run one after another through the single-run path (<c>NetworkRunExecutor</c>, stacking off). Both go
/// through the training service as a page's runs do. With --quick the sequential side runs 8 of the trials and is
/// scaled to 64 (said in the output).
/// </summary>
internal static class StudyBenchmark
{
    private const int Trials = 64;
    private const double TargetRatio = 10;

    public static async Task<Verdict> RunAsync(bool quick)
    {
        var study = Study();
        double studySeconds;
        await using (var host = await ServiceHost.StartAsync(new BenchmarkDataSource(jetTrainRows: 1_000), new Dictionary<string, string?>()))
        {
            var clock = Stopwatch.StartNew();
            var events = await RunToEndAsync(host.Training, study);
            studySeconds = clock.Elapsed.TotalSeconds;
            var trials = events.Select(e => e.Study?.Trial).OfType<TrialRecord>().Count();
            if (trials != Trials || events[^1].Status != ExperimentStatus.Finished)
            {
                return new Verdict("study-64", false, $"the study ended {events[^1].Status} with {trials} trials: {events[^1].Message}");
            }
        }
        var dimensions = SearchDimensions.Of(study.Study!.Space);
        var sampler = new RandomSampler(dimensions, study.Seed);
        var sequential = quick ? 8 : Trials;
        double sequentialSeconds;
        await using (var host = await ServiceHost.StartAsync(new BenchmarkDataSource(jetTrainRows: 1_000), new Dictionary<string, string?>
        {
            ["Training:StackPlaygroundRuns"] = "false",
        }))
        {
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < sequential; n++)
            {
                await RunToEndAsync(host.Training, TrialDefinitions.For(study, sampler.Sample(n, []), dimensions) with { Lesson = Lesson.Playground });
            }
            sequentialSeconds = clock.Elapsed.TotalSeconds * Trials / sequential;
        }
        var ratio = sequentialSeconds / studySeconds;
        Console.WriteLine();
        Console.WriteLine($"Study, {Trials} random trials of 2-4-2-1 tanh, 250 training points, 200 epochs: {studySeconds:F1} s ({Trials / studySeconds:F2} trials/s)");
        Console.WriteLine($"One after another through the single-run path: {sequentialSeconds:F1} s{(quick ? $" (8 trials measured, scaled to {Trials})" : "")} ({Trials / sequentialSeconds:F2} trials/s)");
        return new Verdict("study-64", ratio >= TargetRatio,
            $"{ratio:F1}× faster than one after another (target ≥ {TargetRatio}×); study {Trials / studySeconds:F2} trials/s, sequential {Trials / sequentialSeconds:F2} trials/s");
    }

    /// <summary>The default Playground network as the base trial; only the learning rate is searched, so the shape stays the default.</summary>
    private static ExperimentDefinition Study() => new(
        Lesson.Tuning,
        new DataSpec("circle", 500, 0, 0.5, ["x1", "x2"]),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(Epochs: 200, BatchSize: 10, FrameIntervalMs: 50),
        Seed: 1,
        Study: new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.001, 0.3, Log: true)), Trials: Trials, Population: Trials));

    private static async Task<List<TrainingEvent>> RunToEndAsync(TrainingService training, ExperimentDefinition definition)
    {
        var id = await training.StartAsync(definition, "benchmark", CancellationToken.None);
        var events = new List<TrainingEvent>();
        await foreach (var e in training.WatchAsync(id, CancellationToken.None))
        {
            events.Add(e);
        }
        return events;
    }
}
