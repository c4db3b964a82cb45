namespace MlIntro.Training.Likelihood;

/// <summary>
/// The classifier trick in numbers: a classifier of p0 (class 0, total weight N0) against p1 (class 1, N1) has
/// s = N1p1/(N0p0 + N1p1) at best, so r = p1/p0 = s/(1 − s)·N0/N1, and ln r̂ = logit + ln(N0/N1). An ensemble's s is the
/// mean of its members' s (the lecture: "train a large ensemble of networks, average the outputs").
/// </summary>
public static class RatioEstimates
{
    public static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>Mean s over the members, per event.</summary>
    public static double[] MeanScore(double[][] memberLogits)
    {
        ArgumentNullException.ThrowIfNull(memberLogits);
        var rows = memberLogits[0].Length;
        var mean = new double[rows];
        foreach (var member in memberLogits)
        {
            for (var i = 0; i < rows; i++)
            {
                mean[i] += Sigmoid(member[i]) / memberLogits.Length;
            }
        }
        return mean;
    }

    /// <summary>ln r̂ = ln[s/(1 − s)] + ln(N0/N1), with s kept off 0 and 1 so the log stays finite.</summary>
    public static double LogRatio(double score, double priorShift)
    {
        var s = Math.Clamp(score, 1e-7, 1 - 1e-7);
        return Math.Log(s / (1 - s)) + priorShift;
    }

    /// <summary>ln(N0/N1).</summary>
    public static double PriorShift((double Background, double Signal) totals) => Math.Log(totals.Background / totals.Signal);

    /// <summary>Per position: mean of the members' ln r̂ and the mean ± one standard deviation.</summary>
    public static (double[] Mean, double[] Low, double[] High) Band(double[][] memberLogits, double priorShift)
    {
        ArgumentNullException.ThrowIfNull(memberLogits);
        var rows = memberLogits[0].Length;
        var (mean, low, high) = (new double[rows], new double[rows], new double[rows]);
        for (var i = 0; i < rows; i++)
        {
            var values = memberLogits.Select(m => m[i] + priorShift).ToArray();
            var average = values.Average();
            var spread = Math.Sqrt(values.Sum(v => (v - average) * (v - average)) / values.Length);
            (mean[i], low[i], high[i]) = (average, average - spread, average + spread);
        }
        return (mean, low, high);
    }
}
