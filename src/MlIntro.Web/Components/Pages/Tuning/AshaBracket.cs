using MlIntro.Core.Tuning;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>One rung of a successive-halving bracket: the trials that reached it, and which of them went on.</summary>
/// <param name="IsEnd">The last epoch: not a rung, the trials that trained to the end.</param>
/// <param name="Points">Each reaching trial's value at the rung (lower is better), for the chart.</param>
public sealed record BracketRung(int Epoch, bool IsEnd, IReadOnlyList<int> WentOn, IReadOnlyList<int> Stopped, IReadOnlyList<(int Trial, double Loss, bool WentOn)> Points)
{
    public int Reached => WentOn.Count + Stopped.Count;
}

/// <summary>A study's bracket read from its trials' rung records (<see cref="TrialRecord.Rungs"/>), rung by rung.</summary>
public static class AshaBracket
{
    public static IReadOnlyList<BracketRung> Of(IReadOnlyList<TrialRecord> trials, PruningSpec pruning, int epochs)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var rungs = SuccessiveHalving.Rungs(pruning, epochs).Select(epoch =>
        {
            var points = trials.SelectMany(t => (t.Rungs ?? []).Where(r => r.Epoch == epoch).Select(r => (t.Number, r.Loss, r.Promoted)))
                .OrderBy(p => p.Number).ToList();
            return new BracketRung(epoch, false, [.. points.Where(p => p.Promoted).Select(p => p.Number)],
                [.. points.Where(p => !p.Promoted).Select(p => p.Number)], points);
        }).ToList();
        var finished = trials.Where(t => t.State == TrialState.Complete && t.Epochs == epochs).OrderBy(t => t.Number).ToList();
        rungs.Add(new BracketRung(epochs, true, [.. finished.Select(t => t.Number)], [],
            [.. finished.Select(t => (t.Number, t.ValidationLoss.Length > 0 ? t.ValidationLoss[^1] : double.NaN, true))]));
        return rungs;
    }
}
