using System.Reflection;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Architecture;

/// <summary>ARCHITECTURE.md: "Core knows nothing of torch"; issue 15: Core stays free of ML.NET too.</summary>
public sealed class CoreDependencyTests
{
    private static readonly Assembly Core = typeof(ExperimentDefinition).Assembly;

    [Theory]
    [InlineData("TorchSharp")]
    [InlineData("Microsoft.ML")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("MlIntro.Training")]
    [InlineData("MlIntro.Web")]
    public void ReferencedAssemblies_OfCore_IncludeNoneFrom(string prefix)
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        var offending = references.Where(name => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();

        Assert.Empty(offending);
        // The check reads real references: Core does use FluentValidation for its rules.
        Assert.Contains("FluentValidation", references);
    }
}
