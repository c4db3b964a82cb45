using System.Runtime.InteropServices;

namespace MlIntro.Training.Runtime;

/// <summary>
/// The first GPU's utilisation and memory in use, from NVIDIA's management library (NVML, shipped with the driver),
/// which is what nvidia-smi, W&amp;B and MLflow read: TorchSharp 0.107 has no <c>torch.cuda</c> memory calls. Read only
/// when training runs on CUDA; on a machine without the driver every reading is null ("not measured").
/// </summary>
public static partial class GpuProbe
{
    private const string Library = "nvidia-ml";
    private static readonly Lazy<nint> Device = new(Open);

    /// <summary>Percent of the last sample period the GPU was busy and MiB of its memory in use; null without NVML.</summary>
    public static (double UtilizationPercent, double MemoryMiB)? Read()
    {
        var device = Device.Value;
        if (device == 0)
        {
            return null;
        }
        try
        {
            return NvmlDeviceGetUtilizationRates(device, out var rates) == 0 && NvmlDeviceGetMemoryInfo(device, out var memory) == 0
                ? (rates.Gpu, memory.Used / (1024.0 * 1024.0))
                : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static nint Open()
    {
        try
        {
            return NvmlInit() == 0 && NvmlDeviceGetHandleByIndex(0, out var device) == 0 ? device : 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return 0;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Utilization
    {
        public uint Gpu;
        public uint Memory;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [LibraryImport(Library, EntryPoint = "nvmlInit_v2")]
    private static partial int NvmlInit();

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    private static partial int NvmlDeviceGetHandleByIndex(uint index, out nint device);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetUtilizationRates")]
    private static partial int NvmlDeviceGetUtilizationRates(nint device, out Utilization utilization);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
    private static partial int NvmlDeviceGetMemoryInfo(nint device, out Memory memory);
}
