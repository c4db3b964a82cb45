using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Training;
using MlIntro.Training.Models;
using MlIntro.Training.Overfitting;
using MlIntro.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Benchmarks.Overfitting;

/// <summary>
/// Issue 12's target: the four-model ladder (Tiny, Small, Medium, Large) for 100 epochs on every HIGGS training event
/// (9,884 of them; the other 1,100 held out) through <see cref="LadderExecutor"/> within 1.2× the time of the same four
/// models trained by a bare TorchSharp loop one after another (torch's Adam, the same batches of 500, the held-out loss
/// measured after every epoch as the curves need). Both use the same torch threads.
/// </summary>
internal static class LadderBenchmark
{
    private const double TargetRatio = 1.2;

    public static Verdict Run(bool quick)
    {
        var epochs = quick ? 10 : 100;
        var definition = CapacityLadder.Definition(CapacityLadder.Sizes, trainingEvents: 9_884, labelNoise: 0, epochs);
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"Ladder benchmark: Tiny, Small, Medium, Large ELU, {epochs} epochs, 9,884 HIGGS events, batch 500, {threads} threads");

        var executor = ThroughExecutor(definition, threads);
        var bare = BareLoops(definition, threads);

        var ratio = executor / bare;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  executor {executor:F1} s, bare loops one after another {bare:F1} s: ratio {ratio:F3}"));
        return new Verdict("overfitting-ladder", ratio <= TargetRatio,
            string.Create(CultureInfo.InvariantCulture, $"{epochs} epochs: executor {executor:F1} s, bare {bare:F1} s, ratio {ratio:F3} (target ≤ {TargetRatio})"));
    }

    private static double ThroughExecutor(ExperimentDefinition definition, int threads)
    {
        var executor = new LadderExecutor(new DatasetCatalog([new HiggsUciSource()]), CPU, new TrainingOptions { ThreadsPerRun = threads }, NullLogger<LadderExecutor>.Instance);
        using var run = new ExperimentRun(ExperimentIds.New(), definition, "benchmark");
        run.Events.Published += e =>
        {
            if (e.IsTerminal)
            {
                Console.WriteLine($"  executor run ended: {e.Status}");
            }
        };
        var clock = Stopwatch.StartNew();
        executor.Execute(run);
        return clock.Elapsed.TotalSeconds;
    }

    private static double BareLoops(ExperimentDefinition definition, int threads)
    {
        var data = new HiggsUciSource().Load(definition.RequiredData, definition.Seed, CancellationToken.None);
        var shape = ModelShape.For(data, ProblemKind.Classification);
        torch.set_num_threads(threads);
        var clock = Stopwatch.StartNew();
        using var train = SplitTensors.From(data.Train, shape, CPU);
        using var heldOut = SplitTensors.From(data.Test, shape, CPU);
        foreach (var rung in definition.Ladder!)
        {
            using var model = new Mlp(shape.Inputs, rung.Model, shape.Outputs, definition.Seed);
            using var adam = torch.optim.Adam(model.parameters(), CapacityLadder.LearningRate);
            var batch = definition.RequiredTraining.BatchSize;
            for (var epoch = 0; epoch < definition.RequiredTraining.Epochs; epoch++)
            {
                model.train();
                using (var epochScope = NewDisposeScope())
                {
                    var order = randperm(train.Rows);
                    var xs = train.X.index_select(0, order);
                    var ys = train.Y.index_select(0, order);
                    for (var start = 0; start < train.Rows; start += batch)
                    {
                        using var step = NewDisposeScope();
                        var length = Math.Min(batch, train.Rows - start);
                        adam.zero_grad();
                        var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(xs.narrow(0, start, length)), ys.narrow(0, start, length));
                        loss.backward();
                        adam.step();
                    }
                }
                model.eval();
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                _ = nn.functional.binary_cross_entropy_with_logits(model.forward(heldOut.X), heldOut.Y).item<float>();
            }
        }
        return clock.Elapsed.TotalSeconds;
    }
}
