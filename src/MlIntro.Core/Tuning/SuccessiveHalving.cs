namespace MlIntro.Core.Tuning;

/// <summary>
/// Successive halving and its asynchronous form ASHA (Li et al., MLSys 2020): rungs at <c>GracePeriod × η^k</c>
/// epochs; a trial that reaches a rung goes on only if its value is among the best 1/η of all values recorded at
/// that rung so far (its own included). When a whole population reaches a rung together this is exactly
/// successive halving: the best ⌊n/η⌋ go on. Before η values exist at a rung, only the best so far goes on
/// (as Optuna's SuccessiveHalvingPruner, which cannot pause a trial to wait for the others).
/// </summary>
public static class SuccessiveHalving
{
    /// <summary>The rung epochs below <paramref name="epochs"/> (a trial's last epoch is not a rung: it simply ends).</summary>
    public static IReadOnlyList<int> Rungs(PruningSpec pruning, int epochs)
    {
        ArgumentNullException.ThrowIfNull(pruning);
        var rungs = new List<int>();
        for (long rung = pruning.GracePeriod; rung < epochs; rung *= pruning.ReductionFactor)
        {
            rungs.Add((int)rung);
        }
        return rungs;
    }

    /// <summary>Whether a trial with loss <paramref name="loss"/> (lower is better) goes on, given every loss at the rung including its own.</summary>
    public static bool Promotes(double loss, IReadOnlyCollection<double> rungLosses, int reductionFactor)
    {
        ArgumentNullException.ThrowIfNull(rungLosses);
        if (!double.IsFinite(loss))
        {
            return false;
        }
        var sorted = rungLosses.Where(double.IsFinite).Order().ToArray();
        var index = Math.Max(sorted.Length / reductionFactor - 1, 0);
        return sorted.Length > 0 && loss <= sorted[index];
    }
}
