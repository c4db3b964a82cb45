using MlIntro.Core.Experiments;

namespace MlIntro.Core.Likelihood;

/// <summary>Builds the toy pair a <see cref="LikelihoodSpec"/> names.</summary>
public static class LikelihoodToys
{
    /// <summary>The carl paper's background: ½N(−2, 0.75) + ½N(0, 2) (Cranmer, Pavez, Louppe, arXiv:1506.02169).</summary>
    public static readonly (double Weight, NormalToy Component)[] MixtureBackground = [(0.5, new(-2, 0.75)), (0.5, new(0, 2))];

    /// <summary>The bump added with weight γ.</summary>
    public static readonly NormalToy MixtureBump = new(1, 0.5);

    /// <summary>p_γ = (1 − γ)·(background) + γ·N(1, 0.5).</summary>
    public static MixtureToy Mixture(double gamma) => new(
        [.. MixtureBackground.Select(c => (c.Weight * (1 - gamma), c.Component)), (gamma, MixtureBump)]);

    /// <exception cref="ArgumentException">The spec names a data-backed kind (HIGGS) or has no valid widths.</exception>
    public static ToyPair Create(LikelihoodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Toy switch
        {
            LikelihoodToyKind.Gaussians1D => new ToyPair(new NormalToy(spec.Mu0, spec.Sigma0), new NormalToy(spec.Mu1, spec.Sigma1),
                Math.Min(spec.Mu0 - 3.5 * spec.Sigma0, spec.Mu1 - 3.5 * spec.Sigma1),
                Math.Max(spec.Mu0 + 3.5 * spec.Sigma0, spec.Mu1 + 3.5 * spec.Sigma1)),
            LikelihoodToyKind.Mixture => new ToyPair(Mixture(0), Mixture(spec.Gamma), -5, 5),
            LikelihoodToyKind.Gaussians2D => new ToyPair(
                new CorrelatedNormalToy(spec.Mu0, spec.Sigma0, spec.Rho), new CorrelatedNormalToy(spec.Mu1, spec.Sigma1, -spec.Rho),
                Math.Min(spec.Mu0 - 3 * spec.Sigma0, spec.Mu1 - 3 * spec.Sigma1),
                Math.Max(spec.Mu0 + 3 * spec.Sigma0, spec.Mu1 + 3 * spec.Sigma1)),
            _ => throw new ArgumentException($"Likelihood.Toy: {spec.Toy} has no analytic densities."),
        };
    }
}
