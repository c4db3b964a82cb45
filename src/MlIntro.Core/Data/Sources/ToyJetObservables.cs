namespace MlIntro.Core.Data.Sources;

/// <summary>
/// Measures a <see cref="ToyJet"/> as the hls4ml set's 16 features, each a noisy function of the jet's mass over pT
/// (ρ), its prong ratios and its multiplicity, so that they are correlated as real substructure variables are:
/// the energy correlation functions e2 grow as ρ^β; the two-prong ratios C2, D2, N2 follow τ21 (low for W and Z);
/// M2 grows with a third hard prong (low τ32, the top); zlogz falls with the number of constituents.
/// </summary>
internal static class ToyJetObservables
{
    public static void Fill(ToyJet jet, Random random, Span<float> features)
    {
        var rho = jet.Mass / jet.Pt;
        var tau21 = jet.Tau21;
        var thirdProng = 1 - jet.Tau32;
        var spread = Math.Log(jet.Multiplicity);
        features[0] = F(-(0.55 * spread + 0.6) + N(random, 0.15));                                   // zlogz
        features[1] = F(0.08 + 0.06 * spread + 0.05 * tau21 + N(random, 0.02));                       // c1_b0_mmdt
        features[2] = F(0.01 + 0.5 * rho + N(random, 0.002));                                         // c1_b1_mmdt
        features[3] = F(0.001 + 0.6 * rho * rho + N(random, 0.0004));                                  // c1_b2_mmdt
        features[4] = F(0.06 + 0.35 * tau21 + N(random, 0.03));                                       // c2_b1_mmdt
        features[5] = F(0.03 + 0.3 * tau21 + 0.2 * rho + N(random, 0.03));                           // c2_b2_mmdt
        features[6] = F(0.3 + 3.2 * tau21 + 0.6 * thirdProng + N(random, 0.25));                      // d2_b1_mmdt
        features[7] = F(0.2 + 2.6 * tau21 + 0.5 * thirdProng + N(random, 0.3));                       // d2_b2_mmdt
        features[8] = F(0.4 + 2.8 * tau21 + N(random, 0.3));                                          // d2_a1_b1_mmdt
        features[9] = F(0.3 + 2.3 * tau21 + N(random, 0.35));                                         // d2_a1_b2_mmdt
        features[10] = F(0.02 + 0.14 * thirdProng + N(random, 0.015));                                // m2_b1_mmdt
        features[11] = F(0.01 + 0.09 * thirdProng + 0.02 * tau21 + N(random, 0.012));                 // m2_b2_mmdt
        features[12] = F(0.08 + 0.35 * tau21 + N(random, 0.03));                                      // n2_b1_mmdt
        features[13] = F(0.04 + 0.28 * tau21 + 0.06 * thirdProng + N(random, 0.03));                  // n2_b2_mmdt
        features[14] = F(jet.Mass);                                                                   // mass_mmdt
        features[15] = jet.Multiplicity;                                                              // multiplicity
    }

    private static double N(Random random, double sigma) => ToyJetShapes.N(random, sigma);

    private static float F(double value) => (float)value;
}
