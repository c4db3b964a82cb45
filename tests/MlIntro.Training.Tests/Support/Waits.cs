namespace MlIntro.Training.Tests.Support;

internal static class Waits
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="patience"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan patience, string what, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(5, cancellationToken);
        }
    }
}
