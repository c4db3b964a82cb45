using System.Globalization;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>The sentence that says which data a likelihood run uses: an exact toy with its parameters, or the real HIGGS events with their attribution.</summary>
public static class LikelihoodDataLabel
{
    public static string Describe(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var spec = definition.Likelihood ?? new LikelihoodSpec();
        if (spec.Task == LikelihoodTask.NegativeWeights)
        {
            var nlo = new NloToy(spec.NegativeFraction);
            return string.Create(CultureInfo.InvariantCulture,
                $"Toy data with exact densities (generated, seed {definition.Seed}): p0 = N(0, 1), {spec.EventsPerClass:N0} events of weight 1; p1 = an NLO-like sample of {spec.EventsPerClass:N0} events, {spec.NegativeFraction:P0} of them with weight −1, whose weighted density is {nlo.Formula}.");
        }
        if (spec.Toy == LikelihoodToyKind.HiggsBackground)
        {
            return $"{HiggsUciSource.Citation}. Background events only: source = half of them, target = the other half distorted towards high m_bb (each kept with probability g(m_bb)/1.25, g = 0.25 + 1/(1 + e^(−2(m_bb − median)))).";
        }
        var pair = LikelihoodToys.Create(spec);
        return string.Create(CultureInfo.InvariantCulture,
            $"Toy data with exact densities (generated, seed {definition.Seed}): p0 = {pair.P0.Formula}, p1 = {pair.P1.Formula}; {spec.EventsPerClass:N0} events of each to train on and as many again held out.");
    }
}
