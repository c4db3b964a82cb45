using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Benchmarks.Cluster;
using MlIntro.Benchmarks.Fairness;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Hubs;

namespace MlIntro.Benchmarks;

/// <summary>
/// Lesson 7's target (issue 13, "Performance"): a 64-trial random study of the default Playground network (2-4-2-1
/// tanh, SGD, batch 10, 250 training points, 200 epochs per trial) finishes at least 10× faster than the same 64
/// trials run one after another through the single-run path (<c>NetworkRunExecutor</c>, stacking off). Both are
/// measured as a hub client receives them, the built app as a child process: Start to the Finished event. Live
/// frames are off on both sides (a frame interval of 60 s), so the comparison is training, not drawing. With --quick
/// the sequential side runs 8 of the trials and is scaled to 64 (said in the output).
/// </summary>
internal static class StudyBenchmark
{
    private const int Trials = 64;
    private const double TargetRatio = 10;

    public static async Task<Verdict> RunAsync(bool quick)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(40));
        var token = timeout.Token;
        var study = Study();
        Console.WriteLine($"Study benchmark: {Trials} random trials of 2-4-2-1 tanh, 250 training points, 200 epochs, through the hub of the app as a child process");
        double studySeconds;
        await using (var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["RateLimits:Enabled"] = "false" }, token))
        await using (var connection = await HubProbes.ConnectAsync(app.Address, token))
        {
            var clock = Stopwatch.StartNew();
            var (status, trials, message) = await RunToEndAsync(connection, study, token);
            studySeconds = clock.Elapsed.TotalSeconds;
            if (trials != Trials || status != ExperimentStatus.Finished)
            {
                return new Verdict("study-64", false, $"the study ended {status} with {trials} trials: {message}");
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  study: {studySeconds:F1} s ({Trials / studySeconds:F2} trials/s); {MachineInfo.LoadAverage()}"));

        var dimensions = SearchDimensions.Of(study.Study!.Space);
        var sampler = new RandomSampler(dimensions, study.Seed);
        var sequential = quick ? 8 : Trials;
        double sequentialSeconds;
        await using (var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "false",
            ["Training:StackPlaygroundRuns"] = "false",
        }, token))
        await using (var connection = await HubProbes.ConnectAsync(app.Address, token))
        {
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < sequential; n++)
            {
                var trial = TrialDefinitions.For(study, sampler.Sample(n, []), dimensions) with { Lesson = Lesson.Playground, Study = null };
                var (status, _, message) = await RunToEndAsync(connection, trial, token);
                if (status != ExperimentStatus.Finished)
                {
                    return new Verdict("study-64", false, $"trial {n} alone ended {status}: {message}");
                }
            }
            sequentialSeconds = clock.Elapsed.TotalSeconds * Trials / sequential;
        }
        var ratio = sequentialSeconds / studySeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one after another through the single-run path: {sequentialSeconds:F1} s{(quick ? $" (8 trials measured, scaled to {Trials})" : "")} ({Trials / sequentialSeconds:F2} trials/s); {MachineInfo.LoadAverage()}"));
        return new Verdict("study-64", ratio >= TargetRatio, string.Create(CultureInfo.InvariantCulture,
            $"{ratio:F1}× faster than one after another (target ≥ {TargetRatio}×); study {Trials / studySeconds:F2} trials/s, sequential {Trials / sequentialSeconds:F2} trials/s"));
    }

    /// <summary>The default Playground network as the base trial; only the learning rate is searched, so the shape stays the default.</summary>
    private static ExperimentDefinition Study() => new(
        Lesson.Tuning,
        new DataSpec("circle", 500, 0, 0.5, ["x1", "x2"]),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(Epochs: 200, BatchSize: 10, FrameIntervalMs: 60_000),
        Seed: 1,
        Study: new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.001, 0.3, Log: true)), Trials: Trials, Population: Trials));

    /// <summary>Starts <paramref name="definition"/> and reads its events to the end: how it ended and how many trials it reported.</summary>
    private static async Task<(ExperimentStatus Status, int Trials, string? Message)> RunToEndAsync(HubConnection connection, ExperimentDefinition definition, CancellationToken token)
    {
        var id = await connection.InvokeAsync<string>(nameof(TrainingHub.Start), definition, token);
        var trials = 0;
        await foreach (var e in connection.StreamAsync<TrainingEvent>(nameof(TrainingHub.Watch), id, token))
        {
            trials += e.Study?.Trial is null ? 0 : 1;
            if (e.IsTerminal)
            {
                return (e.Status, trials, e.Message);
            }
        }
        return (ExperimentStatus.Failed, trials, "the watch ended without a terminal event");
    }
}
