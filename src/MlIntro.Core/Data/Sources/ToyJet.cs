namespace MlIntro.Core.Data.Sources;

/// <summary>
/// One toy jet before its features are measured: transverse momentum and groomed mass in GeV, the N-subjettiness-like
/// ratios τ21 (low: two hard prongs, as in W and Z decays) and τ32 (low: three prongs, as in a merged top decay), and
/// the number of constituents.
/// </summary>
internal readonly record struct ToyJet(double Pt, double Mass, double Tau21, double Tau32, int Multiplicity);
