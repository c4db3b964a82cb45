using MlIntro.Core.Tuning;

namespace MlIntro.Training.Tuning;

/// <summary>Every value recorded at each rung of a study (earlier waves and a resumed study's included); thread-safe.</summary>
internal sealed class RungBook(PruningSpec pruning, int epochs)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<double>> _values = [];
    private readonly HashSet<int> _rungs = [.. SuccessiveHalving.Rungs(pruning, epochs)];

    public bool IsRung(int epoch) => _rungs.Contains(epoch);

    /// <summary>Takes in the rungs of a trial that finished before (another wave, or the study this one resumes).</summary>
    public void Remember(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        lock (_gate)
        {
            foreach (var rung in trial.Rungs ?? [])
            {
                At(rung.Epoch).Add(rung.Loss);
            }
        }
    }

    /// <summary>Records the values of trials reaching a rung together, then says which go on: the best 1/η of all so far.</summary>
    public bool[] Report(int epoch, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        lock (_gate)
        {
            var all = At(epoch);
            all.AddRange(losses);
            return [.. losses.Select(l => SuccessiveHalving.Promotes(l, all, pruning.ReductionFactor))];
        }
    }

    private List<double> At(int epoch)
    {
        if (!_values.TryGetValue(epoch, out var list))
        {
            _values[epoch] = list = [];
        }
        return list;
    }
}
