namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>A SQLite file in a fresh temp folder, removed on dispose; several app instances may open it in turn.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "mlintro-web-" + Guid.NewGuid().ToString("N"))).FullName;

    public string File => Path.Combine(Folder, "mlintro.db");

    /// <summary>
    /// Without pooling every connection closes when its context does, so the file is really released when an
    /// instance stops (as when a process exits) and the folder can be deleted on any OS.
    /// </summary>
    public string ConnectionString => $"Data Source={File};Pooling=False";

    /// <summary>
    /// Deletes the folder, trying again for a second: once (CI, 2026-11-27) a file appeared in it while it was being
    /// deleted right after a 0.2 s test's app stopped ("Directory not empty"); cleanup must not fail the test.
    /// </summary>
    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(100);
            }
        }
    }
}
