using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;
using MlIntro.Training;
using MlIntro.Training.Likelihood;
using MlIntro.Training.Models;
using MlIntro.Training.Runs;
using MlIntro.Web.Components.Pages.Likelihood;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Benchmarks.Likelihood;

/// <summary>
/// Issue 11, Performance: the /likelihood page's default run (classifier on 20k + 20k events, 50 epochs, 8-8 tanh, Adam,
/// batch 1024; live frames every 250 ms; calibration; reweighting; check classifier 20 epochs on 10k + 10k) must finish in
/// under 15 s on this 2-core machine. The bare loop trains the same shapes (one torch Mlp, torch's Adam, BCE on the
/// logit, the same batches' sizes) and nothing else, on one thread as the executor does.
/// </summary>
internal static class PageRunBenchmark
{
    public const double TargetSeconds = 15;

    public static Verdict Run()
    {
        var definition = new LikelihoodSettings().ToDefinition();
        var spec = definition.Likelihood!;
        Console.WriteLine($"Likelihood page run: {spec.EventsPerClass:N0} + {spec.EventsPerClass:N0} events, {definition.RequiredTraining.Epochs} epochs, check classifier {spec.CheckEpochs} epochs, 8-8 tanh, batch {definition.RequiredTraining.BatchSize}, 1 thread");
        // Warm-up: the first torch calls of a process load libtorch and JIT the paths.
        Execute(definition with { Training = definition.RequiredTraining with { Epochs = 1 }, Likelihood = spec with { CheckEpochs = 1 } });

        var executor = Execute(definition);
        var bare = BareLoop(2 * spec.EventsPerClass, definition.RequiredTraining.Epochs) + BareLoop(spec.EventsPerClass, spec.CheckEpochs);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"page run {executor:F2} s (target < {TargetSeconds} s), bare TorchSharp loop on the same shapes {bare:F2} s: executor/bare = {executor / bare:F2}");
        return new Verdict("likelihood page run", executor < TargetSeconds, detail);
    }

    private static double Execute(ExperimentDefinition definition)
    {
        var executor = new LikelihoodRunExecutor(
            new DatasetCatalog([new LikelihoodToySource()]), CPU, new TrainingOptions(), NullLogger<LikelihoodRunExecutor>.Instance);
        using var run = new ExperimentRun(ExperimentIds.New(), definition, "benchmark");
        run.Events.Published += e =>
        {
            if (e.IsTerminal && e.Status != ExperimentStatus.Finished)
            {
                Console.WriteLine($"  run ended {e.Status}: {e.Message}");
            }
        };
        var clock = Stopwatch.StartNew();
        executor.Execute(run);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds to train a 1-8-8-1 tanh net on <paramref name="events"/> 1D events for <paramref name="epochs"/> epochs, batch 1024.</summary>
    private static double BareLoop(int events, int epochs)
    {
        torch.set_num_threads(1);
        var random = new Random(1);
        var x = new NormalToy(0, 1).Sample(events / 2, random).Concat(new NormalToy(1, 1).Sample(events / 2, random)).Select(v => (float)v).ToArray();
        var y = Enumerable.Range(0, events).Select(i => i < events / 2 ? 0f : 1f).ToArray();
        using var model = new Mlp(1, new ModelSpec([new(8), new(8)], Activation.Tanh), 1, 1);
        using var optimizer = torch.optim.Adam(model.parameters(), 0.01);
        using var xs = tensor(x, [events, 1]);
        using var ys = tensor(y, [events, 1]);
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = Enumerable.Range(0, events).Select(i => (long)i).ToArray();
            random.Shuffle(order);
            for (var start = 0; start < events; start += 1024)
            {
                using var scope = NewDisposeScope();
                var length = Math.Min(1024, events - start);
                using var index = tensor(order.AsSpan(start, length).ToArray());
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(xs.index_select(0, index)), ys.index_select(0, index));
                loss.backward();
                optimizer.step();
            }
        }
        return clock.Elapsed.TotalSeconds;
    }
}
