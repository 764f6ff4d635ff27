using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Agents;

/// <summary>Resolves a device name from the command line or a config ("cpu", "cuda", "cuda:1") and checks that
/// TorchSharp can use it, so a run fails at once with a clear message instead of at its first tensor.</summary>
public static class TorchDevice
{
    public static Device Parse(string? name)
    {
        var text = (name ?? "cpu").Trim().ToLowerInvariant();
        if (text == "cpu") return torch.CPU;
        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw new ArgumentException($"device {text}: TorchSharp sees no CUDA device here (this build references the CPU libtorch); use --device cpu.");
            int index = 0;
            if (text.Length > 4 && (!int.TryParse(text[5..], out index) || index < 0 || index >= torch.cuda.device_count()))
                throw new ArgumentException($"device {text}: there are {torch.cuda.device_count()} CUDA devices (cuda:0 .. cuda:{torch.cuda.device_count() - 1}).");
            return torch.device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{name}': expected cpu, cuda or cuda:N.");
    }
}
