using System.Runtime.Versioning;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Store;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6 as the operator sees it: the real app process, started on a database it cannot use, prints one
/// sentence naming the path and the cause, no stack trace, and exits with the store's own exit code without serving.
/// </summary>
[UnsupportedOSPlatform("windows")] // file modes and setpriv: the permission cases are Unix ones
public sealed class StorageStartupProcessTests : TempStoreTest
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            RestoreModes(Folder.Path);
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Main_CorruptDatabase_ExitsWithOneSentenceAndStoreExitCode()
    {
        var bytes = new byte[32 * 1024];
        new Random(5).NextBytes(bytes);
        await File.WriteAllBytesAsync(Folder.DatabaseFile, bytes, Ct);

        var exit = await AppProcess.RunUntilExitAsync(Folder.DatabaseFile, withoutPermissionOverride: false, Ct);

        AssertRefused(exit, $"The experiment database {Folder.DatabaseFile} is damaged (file is not a database); move it away or restore a backup, then start again.");
    }

    [Fact]
    public async Task Main_ReadOnlyDataFolder_ExitsNamingTheFolder()
    {
        var data = Directory.CreateDirectory(Path.Combine(Folder.Path, "data")).FullName;
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        var exit = await AppProcess.RunUntilExitAsync(Path.Combine(data, "mlintro.db"), withoutPermissionOverride: true, Ct);

        AssertRefused(exit, $"The data folder {data} is not writable (permission denied); make it writable for this user or set ConnectionStrings:Experiments to a writable place, then start again.");
    }

    [Fact]
    public async Task Main_ReadOnlyDatabaseFile_ExitsNamingTheFile()
    {
        await File.WriteAllBytesAsync(Folder.DatabaseFile, "SQLite format 3\0"u8.ToArray(), Ct);
        File.SetUnixFileMode(Folder.DatabaseFile, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var exit = await AppProcess.RunUntilExitAsync(Folder.DatabaseFile, withoutPermissionOverride: true, Ct);

        AssertRefused(exit, $"The experiment database {Folder.DatabaseFile} cannot be opened for reading and writing (permission denied); make it writable for this user, then start again.");
    }

    private static void AssertRefused(AppExit exit, string sentence)
    {
        Assert.True(exit.ExitCode == StoreStartupCheck.ExitCode, $"exit code {exit.ExitCode}; stdout: {exit.Output}; stderr: {exit.Error}");
        Assert.Equal("MlIntro cannot start: " + sentence, exit.Error.Trim());
        Assert.DoesNotContain("   at ", exit.Output + exit.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", exit.Output, StringComparison.Ordinal);
    }

    private static void RestoreModes(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
