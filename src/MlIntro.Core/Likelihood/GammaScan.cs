namespace MlIntro.Core.Likelihood;

/// <summary>The profile −2 ln Λ(γ) of the mixture toy on one pseudo-data set, its minimum γ̂ and the interval where it is ≤ 1.</summary>
public sealed record GammaFit(double[] Gamma, double[] MinusTwoLogLambda, double Best, double Lower, double Upper);

/// <summary>
/// Amortised inference on the mixture toy: p_γ/p_0 = 1 + (γ/γ₁)(r₁ − 1) for any γ, from the one ratio r₁ = p_γ₁/p_0 (exact,
/// or learned by one classifier), because p_γ is linear in γ. −2 ln Λ(γ) = −2 Σᵢ ln[p_γ(xᵢ)/p_0(xᵢ)] minus its minimum;
/// the 68 % interval is where it stays below 1 (Wilks).
/// </summary>
public static class GammaScan
{
    /// <summary>Grid points of the scan.</summary>
    public const int Points = 801;

    /// <param name="ratios">r₁(xᵢ) = p_γ₁(xᵢ)/p_0(xᵢ) of every pseudo-data event.</param>
    /// <param name="gamma1">The γ₁ of the ratio.</param>
    /// <param name="maxGamma">Upper end of the scan (from 0).</param>
    public static GammaFit Fit(ReadOnlySpan<double> ratios, double gamma1, double maxGamma)
    {
        var gamma = new double[Points];
        var curve = new double[Points];
        for (var g = 0; g < Points; g++)
        {
            gamma[g] = maxGamma * g / (Points - 1);
            var sum = 0.0;
            foreach (var r in ratios)
            {
                // A learned ratio can push the mixture below zero somewhere; a tiny floor keeps the log finite.
                sum += Math.Log(Math.Max(1 + gamma[g] / gamma1 * (r - 1), 1e-12));
            }
            curve[g] = -2 * sum;
        }
        var best = Array.IndexOf(curve, curve.Min());
        var minimum = curve[best];
        for (var g = 0; g < Points; g++)
        {
            curve[g] -= minimum;
        }
        return new GammaFit(gamma, curve, gamma[best], Crossing(gamma, curve, best, -1), Crossing(gamma, curve, best, +1));
    }

    /// <summary>Where the curve rises through 1 walking from the minimum in <paramref name="direction"/>; the scan's end if it never does.</summary>
    private static double Crossing(double[] gamma, double[] curve, int best, int direction)
    {
        for (var g = best; g + direction >= 0 && g + direction < curve.Length; g += direction)
        {
            var next = g + direction;
            if (curve[next] >= 1)
            {
                var t = (1 - curve[g]) / (curve[next] - curve[g]);
                return gamma[g] + t * (gamma[next] - gamma[g]);
            }
        }
        return direction < 0 ? gamma[0] : gamma[^1];
    }
}
