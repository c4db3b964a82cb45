using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Training;
using MlIntro.Web.Cluster;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>Cluster settings that cannot work are refused at start-up with a sentence naming the setting to change.</summary>
public sealed class ClusterConfigurationTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Theory]
    [InlineData("Front")]
    [InlineData("Worker")]
    public void AddCluster_OneRoleWithoutClustering_IsRefused(string role)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(("Cluster:Roles", role)).AddCluster());

        Assert.Contains("Cluster:Clustering=Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCluster_RedisWithTheSqliteStore_IsRefusedNamingTheSharedStore()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(("Cluster:Clustering", "Redis"), ("ConnectionStrings:Cluster", "127.0.0.1:6379")).AddCluster());

        Assert.Contains("ExperimentStore:Provider=PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCluster_RedisWithoutItsAddress_IsRefusedNamingTheConnectionString()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(("Cluster:Clustering", "Redis"), ("ExperimentStore:Provider", "PostgreSQL")).AddCluster());

        Assert.Contains("ConnectionStrings:Cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCluster_Default_LeavesTheEmbeddedProcessAsItIs()
    {
        var builder = Builder();
        var before = builder.Services.Count;

        builder.AddCluster();

        Assert.Equal(before, builder.Services.Count);
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(ITrainingRuns));
    }
}
