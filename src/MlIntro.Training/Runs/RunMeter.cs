using System.Diagnostics;
using MlIntro.Core.Tracking;

namespace MlIntro.Training.Runs;

/// <summary>
/// Measures a run's wall time, training events per second, the process's CPU share and, on CUDA, the GPU's use for its events
/// (<see cref="RunUsage"/>). Lives in the run's <see cref="RunBroadcaster"/>, the one place every executor's epoch
/// events pass, so every lesson's runs are measured the same way.
/// </summary>
public sealed class RunMeter
{
    /// <summary>The CPU share is measured over windows of at least this long: a single epoch of a tiny net is too short to say.</summary>
    public const double WindowSeconds = 0.5;

    // NVML reports the GPU whichever process uses it: read it only when this server trains on CUDA.
    private static readonly Lazy<bool> OnGpu = new(() => TorchSharp.torch.cuda.is_available());

    private readonly Lock _gate = new();
    private long _samplesPerEpoch;
    private bool _started;
    private long _startTicks;
    private long _windowTicks;
    private TimeSpan _windowCpu;
    private double _cpuShare;
    private long _samples;

    /// <summary>Training events one model sees per epoch; set by the executor once it has the data (0: not counted).</summary>
    public long SamplesPerEpoch
    {
        get => Interlocked.Read(ref _samplesPerEpoch);
        set => Interlocked.Exchange(ref _samplesPerEpoch, value);
    }

    /// <summary>Starts the clocks (the run starts training); later calls do nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            StartCore();
        }
    }

    /// <summary>The usage now; <paramref name="epochTrained"/> counts one model's epoch of <see cref="SamplesPerEpoch"/> events first.</summary>
    public RunUsage Sample(bool epochTrained)
    {
        lock (_gate)
        {
            StartCore();
            var now = Stopwatch.GetTimestamp();
            var cpu = Environment.CpuUsage.TotalTime;
            var perEpoch = SamplesPerEpoch;
            if (epochTrained)
            {
                _samples += perEpoch;
            }
            var wall = Stopwatch.GetElapsedTime(_startTicks, now).TotalSeconds;
            var window = Stopwatch.GetElapsedTime(_windowTicks, now).TotalSeconds;
            if (window > 0)
            {
                _cpuShare = CpuShare(cpu - _windowCpu, window, Environment.ProcessorCount);
            }
            if (window >= WindowSeconds)
            {
                (_windowTicks, _windowCpu) = (now, cpu);
            }
            double? rate = perEpoch > 0 && wall > 0 ? Math.Round(_samples / wall, 1) : null;
            var gpu = OnGpu.Value ? Runtime.GpuProbe.Read() : null;
            return new RunUsage(Math.Round(wall, 4), rate, Math.Round(_cpuShare, 4), gpu?.UtilizationPercent, gpu is { } g ? Math.Round(g.MemoryMiB, 1) : null);
        }
    }

    /// <summary>CPU time over wall time over cores, clamped to [0, 1] (the two clocks are read a moment apart).</summary>
    public static double CpuShare(TimeSpan cpu, double wallSeconds, int cores) =>
        wallSeconds <= 0 || cores <= 0 ? 0 : Math.Clamp(cpu.TotalSeconds / wallSeconds / cores, 0, 1);

    private void StartCore()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        _startTicks = _windowTicks = Stopwatch.GetTimestamp();
        _windowCpu = Environment.CpuUsage.TotalTime;
    }
}
