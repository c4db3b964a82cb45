namespace MlIntro.Core.Data.Sources;

/// <summary>
/// Each class's jets drawn from the shapes a jet physicist would sketch for boosted jets at pT ≈ 1 TeV after mMDT
/// grooming. W, Z and top peak at their masses with a resolution of 8 %; grooming sometimes loses a
/// prong (a W or Z then looks like a light jet, a top like a W), which keeps the classes overlapping as in real data.
/// Light quarks and gluons have a falling, log-normal mass with broad tails (gluons radiate more: heavier and with
/// more constituents, about 9/4 as many emissions asymptotically, fewer at these energies).
/// </summary>
internal static class ToyJetShapes
{
    /// <summary>W, Z and top masses in GeV (PDG, rounded).</summary>
    private const double WMass = 80.4, ZMass = 91.2, TopMass = 172.8;

    /// <summary>
    /// Relative jet-mass resolution of the peaks (σ/m), and the share of W and Z jets whose groomed mass keeps both prongs.
    /// </summary>
    private const double MassResolution = 0.08, BosonMerged = 0.9;

    /// <summary>
    /// The hls4ml jets lie in a window around 1 TeV; here pT falls as pT^-PtPower between PtLow and PtHigh GeV, which
    /// spreads m/pT (the energy correlation functions) a little beyond the mass alone.
    /// </summary>
    private const double PtLow = 950, PtHigh = 1050, PtPower = 4;

    /// <summary>Labels as in <see cref="JetData.ClassNames"/>: g=0, q=1, t=2, w=3, z=4.</summary>
    public static ToyJet Draw(int label, Random random)
    {
        var pt = Pt(random);
        return label switch
        {
            0 => Light(random, pt, medianMass: 50, logWidth: 0.55, tau21: 0.68, multiplicity: 62, multiplicitySigma: 12),
            1 => Light(random, pt, medianMass: 32, logWidth: 0.6, tau21: 0.6, multiplicity: 40, multiplicitySigma: 9),
            2 => Top(random, pt),
            3 => Boson(random, pt, WMass, multiplicity: 50),
            _ => Boson(random, pt, ZMass, multiplicity: 53),
        };
    }

    /// <summary>Gluon or light quark: one prong, a falling mass continuum.</summary>
    private static ToyJet Light(Random random, double pt, double medianMass, double logWidth, double tau21, double multiplicity, double multiplicitySigma) =>
        new(pt,
            medianMass * Math.Exp(N(random, logWidth)),
            Unit(tau21 + N(random, 0.12)),
            Unit(0.78 + N(random, 0.1)),
            Count(multiplicity + N(random, multiplicitySigma)));

    /// <summary>W or Z: two prongs at the boson's mass, or, when grooming lost a prong, a light-jet-like jet.</summary>
    private static ToyJet Boson(Random random, double pt, double mass, double multiplicity)
    {
        var merged = random.NextDouble() < BosonMerged;
        return new ToyJet(
            pt,
            merged ? Peak(random, mass) : 25 * Math.Exp(N(random, 0.5)),
            Unit((merged ? 0.3 : 0.6) + N(random, 0.1)),
            Unit(0.78 + N(random, 0.1)),
            Count(multiplicity + N(random, 9)));
    }

    /// <summary>Top: three merged prongs at the top mass, or only the W's two prongs (the b lost), or one lost jet.</summary>
    private static ToyJet Top(Random random, double pt)
    {
        var u = random.NextDouble();
        var (mass, tau21, tau32) = u switch
        {
            < 0.7 => (Peak(random, TopMass), 0.52 + N(random, 0.12), 0.45 + N(random, 0.1)),
            < 0.9 => (Peak(random, WMass), 0.32 + N(random, 0.1), 0.75 + N(random, 0.1)),
            _ => (40 * Math.Exp(N(random, 0.5)), 0.6 + N(random, 0.12), 0.75 + N(random, 0.1)),
        };
        return new ToyJet(pt, mass, Unit(tau21), Unit(tau32), Count(68 + N(random, 12)));
    }

    private static double Peak(Random random, double mass) => Math.Max(1, mass * (1 + N(random, MassResolution)));

    /// <summary>Inverse-transform draw from pT^-PtPower on [PtLow, PtHigh].</summary>
    private static double Pt(Random random)
    {
        var a = Math.Pow(PtLow, 1 - PtPower);
        var b = Math.Pow(PtHigh, 1 - PtPower);
        return Math.Pow(a + random.NextDouble() * (b - a), 1 / (1 - PtPower));
    }

    internal static double N(Random random, double sigma) => PlaygroundGenerators.Normal(random, 0, sigma * sigma);

    private static double Unit(double value) => Math.Clamp(value, 0.02, 0.98);

    private static int Count(double value) => Math.Max(2, (int)Math.Round(value));
}
