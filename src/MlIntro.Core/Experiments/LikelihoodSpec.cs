namespace MlIntro.Core.Experiments;

/// <summary>Which pair of densities the likelihood lesson learns the ratio of.</summary>
public enum LikelihoodToyKind
{
    /// <summary>p0 = N(μ0, σ0), p1 = N(μ1, σ1).</summary>
    Gaussians1D,
    /// <summary>The carl paper's mixture: p0 = ½N(−2, 0.75) + ½N(0, 2), p1 = (1 − γ)p0 + γN(1, 0.5).</summary>
    Mixture,
    /// <summary>p0 = N₂((μ0, μ0), σ0, ρ), p1 = N₂((μ1, μ1), σ1, −ρ).</summary>
    Gaussians2D,
    /// <summary>Real HIGGS background events (source) against background events distorted by a known weight (target).</summary>
    HiggsBackground,
}

/// <summary>What a likelihood run does.</summary>
public enum LikelihoodTask
{
    /// <summary>The classifier trick: r̂ = s/(1 − s)·N0/N1 against the exact r, calibration, the γ fit, then reweighting p0 towards p1 with r̂ and a check classifier.</summary>
    Ratio,
    /// <summary>An NLO-like sample with a share of weight −1 events: weighted classifier and neural resampling.</summary>
    NegativeWeights,
}

/// <summary>
/// The likelihood lesson's run (<see cref="ExperimentDefinition.Likelihood"/>): the network, optimizer and epochs come from
/// the definition's model, optimizer and training parts; this part says what is learned from which toy.
/// </summary>
/// <param name="EventsPerClass">Events drawn from each of p0 and p1 for training (as many again are drawn for testing).</param>
/// <param name="Ensemble">Classifiers trained together (different initial weights); the page draws their mean and spread.</param>
/// <param name="ClipQuantile">Reweighting: weights above this quantile are set to it (1 = no clipping).</param>
/// <param name="CheckEpochs">Epochs of the check classifier (reweighted source against target); 0 skips it.</param>
/// <param name="PseudoEvents">Mixture toy: size of the pseudo-data set the γ fit is run on.</param>
/// <param name="NegativeFraction">Negative-weights task: share f of events with weight −1.</param>
public sealed record LikelihoodSpec(
    LikelihoodToyKind Toy = LikelihoodToyKind.Gaussians1D,
    LikelihoodTask Task = LikelihoodTask.Ratio,
    int EventsPerClass = 20_000,
    double Mu0 = 0,
    double Sigma0 = 1,
    double Mu1 = 1,
    double Sigma1 = 1,
    double Gamma = 0.05,
    double Rho = 0.5,
    int Ensemble = 1,
    double ClipQuantile = 1,
    int CheckEpochs = 20,
    int PseudoEvents = 1000,
    double NegativeFraction = 0.3);
