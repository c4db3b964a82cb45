namespace MlIntro.Benchmarks;

// Not top-level statements: those would declare a second `Program`, hiding the web app's for WebApplicationFactory.
internal static class BenchmarkProgram
{
    // Usage: dotnet run -c Release --project tests/MlIntro.Benchmarks -- <throughput|latency|memory|playground|race|jets|likelihood|ladder|fairness|load|study|trees|cluster|all> [--quick] [--null-store] [--n=10,30]
    public static async Task<int> Main(string[] args)
    {
        var name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "";
        var quick = args.Contains("--quick");
        Console.WriteLine(MachineInfo.Describe());

        var verdicts = new List<Verdict>();
        switch (name.ToUpperInvariant())
        {
            case "THROUGHPUT":
                verdicts.Add(ThroughputBenchmark.Run(quick));
                break;
            case "LATENCY":
                verdicts.Add(await LatencyBenchmark.RunAsync(quick));
                break;
            case "MEMORY":
                verdicts.Add(await MemoryBenchmark.RunAsync(quick));
                break;
            case "PLAYGROUND":
                verdicts.AddRange(await PlaygroundBenchmark.RunAsync(quick));
                break;
            case "RACE":
                verdicts.Add(await RaceBenchmark.RunAsync(quick));
                break;
            case "JETS":
                // One epoch of the hls4ml model vs a bare loop, one evaluation frame, loading 830k jets from CSV and Parquet.
                Jets.EpochBenchmark.Run();
                Jets.FrameBenchmark.Run();
                await Jets.LoadBenchmark.RunAsync();
                break;
            case "LIKELIHOOD":
                // Issue 11: the /likelihood page's default run against a bare TorchSharp loop on the same shapes.
                verdicts.Add(Likelihood.PageRunBenchmark.Run());
                break;
            case "LADDER":
                // Issue 12: the four-model capacity ladder against four bare TorchSharp loops one after another.
                verdicts.Add(await Overfitting.LadderBenchmark.RunAsync(quick));
                break;
            case "FAIRNESS":
                // The built app as a child process: a normal client beside 8 abusive connections (issue 9, item 3).
                verdicts.Add(await Fairness.FairnessBenchmark.RunAsync(quick));
                break;
            case "LOAD":
                // The built app as a child process under N out-of-process hub clients (issue 9, item 8).
                verdicts.AddRange(await Load.LoadBenchmark.RunAsync(Load.LoadBenchmark.ClientCounts(args, quick), quick));
                break;
            case "STUDY":
                // A 64-trial study as one stacked population against the same trials one after another (issue 13).
                verdicts.Add(await StudyBenchmark.RunAsync(quick));
                break;
            case "TREES":
                // Issue 15: 100 boosting rounds on 10,000 HIGGS events through the hub, beside the network's time to the same AUC.
                verdicts.Add(await Trees.TreesBenchmark.RunAsync(quick));
                break;
            case "CLUSTER":
                // Issue 14: a front end and a worker process (scripts/cluster-local.sh) against the embedded process, through the hub.
                verdicts.AddRange(await Cluster.ClusterBenchmark.RunAsync(quick));
                break;
            case "ALL":
                verdicts.Add(ThroughputBenchmark.Run(quick));
                verdicts.Add(await LatencyBenchmark.RunAsync(quick));
                verdicts.Add(await MemoryBenchmark.RunAsync(quick));
                verdicts.AddRange(await PlaygroundBenchmark.RunAsync(quick));
                verdicts.Add(await RaceBenchmark.RunAsync(quick));
                break;
            default:
                Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/MlIntro.Benchmarks -- <throughput|latency|memory|playground|race|jets|likelihood|ladder|fairness|load|study|trees|cluster|all> [--quick] [--n=10,30]");
                return 2;
        }

        Console.WriteLine();
        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }
        // A MISS is a finding, not a crash: the exit code says whether every target was met, for scripts that care.
        return verdicts.All(v => v.Passed) ? 0 : 1;
    }
}
