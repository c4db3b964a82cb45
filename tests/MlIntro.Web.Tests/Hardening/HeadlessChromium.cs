using System.Diagnostics;

namespace MlIntro.Web.Tests.Hardening;

/// <summary>
/// Debian's Chromium, headless, with one page open: a real Blazor circuit on the app for as long as it runs. Disposing
/// ends it (and its helper processes).
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";
    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile) => (_process, _profile) = (process, profile);

    public static HeadlessChromium Open(Uri page)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install -y chromium");
        var profile = Directory.CreateTempSubdirectory("mlintro-chromium-").FullName;
        var start = new ProcessStartInfo(Executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
            // Without a debugging port headless Chromium exits once the page has loaded; with one it keeps the page open.
            "--remote-debugging-port=0", page.ToString(),
        ])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HeadlessChromium(process, profile);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
