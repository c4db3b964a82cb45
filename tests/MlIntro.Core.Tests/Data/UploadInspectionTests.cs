using System.Text;
using MlIntro.Core.Data.Files;

namespace MlIntro.Core.Tests.Data;

public sealed class UploadInspectionTests
{
    private static readonly UploadedTableParser Parser = new(new UploadLimits(MaxBytes: 10_000, MaxRows: 100, MaxColumns: 6, MinRows: 3));

    private static Task<InspectedTable> InspectAsync(string csv) =>
        Parser.InspectAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", "label", CancellationToken.None);

    [Fact]
    public async Task InspectAsync_HepLikeFile_DefaultsAreTheNumericColumnsThatDoNotGiveTheLabelAway()
    {
        const string csv = "pt,process,evt_w,eta,label\n"
            + "41.5,ttH,0.0012,0.3,1\n" + "22.0,ttbar,0.37,-1.2,0\n" + "35.1,ttH,0.0012,2.1,1\n"
            + "50.2,ttbar,0.37,0.5,0\n" + "18.3,ttbar,0.41,1.7,0\n";

        var inspected = await InspectAsync(csv);

        var columns = inspected.Columns.ToDictionary(c => c.Name);
        Assert.Equal(["pt", "process", "evt_w", "eta"], inspected.Columns.Select(c => c.Name));
        Assert.Equal(["pt", "eta"], inspected.Columns.Where(c => c.IsDefaultFeature).Select(c => c.Name));
        Assert.True(columns["evt_w"].SeparatesClasses);
        Assert.False(columns["process"].IsNumeric);
        Assert.False(columns["pt"].SeparatesClasses);
        Assert.Equal(["0", "1"], inspected.ClassNames);
    }

    [Fact]
    public async Task InspectAsync_NumberTooLargeForFloat_ProblemSaysSo()
    {
        const string csv = "a,b,label\n1,2,x\n3,1e300,y\n5,6,x\n";

        var inspected = await InspectAsync(csv);

        var b = inspected.Columns.Single(c => c.Name == "b");
        Assert.False(b.IsDefaultFeature);
        Assert.Equal("Data row 2, column 'b': '1e300' is too large for a 32-bit float (at most ±3.4e38).", b.Problem);
    }

    [Fact]
    public async Task ParseCsv_DecimalComma_MessageHintsAtDecimalPoints()
    {
        const string csv = "a;b;label\n1;2,5;x\n3;4;y\n5;6;x\n";

        var error = await Assert.ThrowsAsync<DataFileException>(() =>
            Parser.ParseCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new UploadColumns("label", FeatureColumns: ["a", "b"]), CancellationToken.None));

        Assert.StartsWith("Data row 1, column 'b': '2,5' is not a number: it looks like a decimal comma; write decimal points (2.5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_SignalClassSortedFirst_BecomesClassOneWithFlippedLabels()
    {
        const string csv = "a,label\n1,sig\n2,bkg\n3,sig\n4,bkg\n";
        var inspected = await InspectAsync(csv);

        var sorted = UploadedTableParser.Select(inspected, new UploadColumns("label"));
        var chosen = UploadedTableParser.Select(inspected, new UploadColumns("label"), signalClass: "bkg");

        Assert.Equal(["bkg", "sig"], sorted.ClassNames);
        Assert.Equal([1, 0, 1, 0], sorted.Data.Labels!);
        Assert.Equal(["sig", "bkg"], chosen.ClassNames);
        Assert.Equal([0, 1, 0, 1], chosen.Data.Labels!);
        Assert.Equal(sorted.Data.X, chosen.Data.X);
    }

    [Fact]
    public async Task Select_ChosenFeatureWithProblem_ThrowsItsMessage()
    {
        const string csv = "a,b,label\n1,2,x\n3,1e300,y\n5,6,x\n";
        var inspected = await InspectAsync(csv);

        var error = Assert.Throws<DataFileException>(() => UploadedTableParser.Select(inspected, new UploadColumns("label", FeatureColumns: ["a", "b"])));

        Assert.Contains("'1e300' is too large for a 32-bit float", error.Message, StringComparison.Ordinal);
    }
}
