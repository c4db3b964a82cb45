namespace MlIntro.Core.Data.Sources;

/// <summary>The sources MlIntro serves, in one list for <see cref="DatasetCatalog"/>.</summary>
public static class DataSources
{
    /// <param name="dataDirectory">Folder with the real data files (hls4ml jets), e.g. ./data.</param>
    public static IReadOnlyList<IDatasetSource> All(string dataDirectory, UploadRegistry uploads) =>
    [
        new PlaygroundDatasetSource(),
        new GaussTutorialSource(),
        new ToyJetsSource(),
        new Hls4mlJetsSource(dataDirectory),
        new Higgs.HiggsUciSource(),
        new UploadedDatasetSource(uploads),
        new LikelihoodToySource(),
        new ReflectedToySource(),
    ];
}
