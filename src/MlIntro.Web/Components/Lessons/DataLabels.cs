using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Lessons;

/// <summary>The sentence a page shows about which data it uses: real, uploaded, or a labelled toy.</summary>
public static class DataLabels
{
    public static string Describe(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Surface is { } surface
            ? $"Analytic loss surface (a toy function, no data): {(string.IsNullOrWhiteSpace(surface.Formula) ? surface.Name : surface.Formula)}."
            : Describe(definition.RequiredData);
    }

    public static string Describe(DataSpec data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Name.StartsWith("upload:", StringComparison.Ordinal))
        {
            return "Uploaded data (a file a user provided).";
        }
        return data.Name switch
        {
            Core.Data.Sources.Higgs.HiggsUciSource.Name => Core.Data.Sources.Higgs.HiggsUciSource.Citation + $", {data.Points:N0} training events, {data.Noise:P0} of their labels flipped.",
            "hls4ml-jets" => "Real data: hls4ml LHC jets (OpenML 42468, CC BY 4.0, Duarte et al., JINST 13 P07027).",
            "toy-jets" => "Toy jets: generated from physics-motivated shapes (W, Z, top mass peaks; two- and three-prong structure) with the hls4ml feature names; not the real data set.",
            _ => $"Toy data (generated): {data.Name}, {data.Points} points, {data.Noise:P0} noise.",
        };
    }
}
