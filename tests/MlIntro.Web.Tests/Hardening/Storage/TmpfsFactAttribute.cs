using System.Diagnostics;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// A test that needs a small disk of its own: a tmpfs mounted for it (root with CAP_SYS_ADMIN, as in this project's
/// containers). Elsewhere it is reported as skipped, with the reason, rather than passing without having run.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public TmpfsFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "needs root on Linux to mount a small tmpfs";
        }

        var probe = Directory.CreateTempSubdirectory("mlintro-tmpfs-probe-").FullName;
        try
        {
            return SmallDisk.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe) == 0 && SmallDisk.Run("umount", probe) == 0
                ? null
                : "mount -t tmpfs is not permitted here";
        }
        finally
        {
            Directory.Delete(probe);
        }
    }
}

/// <summary>A tmpfs of a given size, mounted on a fresh folder and removed on dispose: a disk that really fills up.</summary>
internal sealed class SmallDisk : IDisposable
{
    public SmallDisk(int kilobytes)
    {
        Path = Directory.CreateTempSubdirectory("mlintro-small-disk-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", Path) != 0)
        {
            throw new InvalidOperationException($"Could not mount a tmpfs on {Path}.");
        }
    }

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Writes a file until the disk refuses more.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    public static int Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
