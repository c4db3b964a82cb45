using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;

namespace MlIntro.Core.Tests.Data;

public sealed class UploadRegistryTests
{
    private static readonly TabularData Table = new(["x"], [1, 2], [0, 1]);

    [Fact]
    public void Hold_LastHolderLetsGo_TableIsFreed()
    {
        var registry = new UploadRegistry();
        var id = registry.Add(Table, ["a", "b"], "f.csv");
        var page = registry.Hold(id)!;
        var other = registry.Hold(id)!;

        page.Dispose();
        var afterFirst = registry.TryGet(id, out _);
        other.Dispose();
        other.Dispose();

        Assert.True(afterFirst);
        Assert.False(registry.TryGet(id, out _));
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Add_BeyondCapacity_PushesOutTheOldestUnheldTable()
    {
        var registry = new UploadRegistry(capacity: 2);
        string[] ids = [registry.Add(Table, ["a", "b"], "held.csv"), registry.Add(Table, ["a", "b"], "unheld.csv")];
        using var holding = registry.Hold(ids[0]);

        string[] all = [.. ids, registry.Add(Table, ["a", "b"], "newest.csv")];

        Assert.Equal([true, false, true], all.Select(id => registry.TryGet(id, out _)));
    }

    [Fact]
    public void Hold_UnknownId_Null()
    {
        var registry = new UploadRegistry();

        var holding = registry.Hold("nope");

        Assert.Null(holding);
    }
}
