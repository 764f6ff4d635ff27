using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StockAgent.Agents;

/// <summary>
/// Makes TorchSharp load wherever StockAgent.dll is referenced: a notebook kernel, a script, another program. On Linux
/// it loads libtorch (<c>libtorch_cpu.so</c>, <c>libtorch.so</c>) and then the patched TorchSharp shim
/// (<c>libLibTorchSharp.so</c>, whose need for GLIBCXX_3.4.32 the build marks weak) by full path, from beside
/// StockAgent.dll or its <c>runtimes/linux-x64/native/</c> folder. TorchSharp's own search then finds them already loaded
/// (the dynamic loader matches by soname) instead of copying the unpatched shim out of the NuGet cache.
/// This happens by itself when TorchSharp.dll loads into a process that has touched StockAgent (a module initializer
/// watches for it), so before the kit's first tensor; <see cref="EnsureLoaded"/> does it on demand and says why it
/// failed. Elsewhere (Windows, macOS) it does nothing and TorchSharp loads as usual.
/// </summary>
public static class TorchNative
{
    private const string TorchSharpAssembly = "TorchSharp";
    private const string ShimName = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();
    private static string? _loadedShim;
    private static string? _failure;

    /// <summary>The shim that was loaded by full path, or null (not yet, not on Linux, or not found beside the kit).</summary>
    public static string? LoadedShim
    {
        get { lock (Gate) return _loadedShim; }
    }

    /// <summary>Loads libtorch and the patched shim now if that has not happened, then checks that TorchSharp starts.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native libraries cannot be loaded; the message names the
    /// folder searched and the loader's reason.</exception>
    public static void EnsureLoaded()
    {
        Preload();
        string? failure;
        lock (Gate) failure = _failure;
        if (failure is not null) throw new InvalidOperationException(failure);
        try
        {
            TorchSharp.torch.InitializeDeviceType(TorchSharp.DeviceType.CPU);
        }
        catch (Exception ex) when (ex is NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                $"TorchSharp could not start its native backend ({NativeFolderDescription()}): {(ex.InnerException ?? ex).Message}", ex);
        }
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Hosts other than the kit's own programs (notebook kernels, scripts) must get the patched shim before TorchSharp's first native call, which can come from any kit type.")]
    internal static void WatchForTorchSharp()
    {
        if (!OperatingSystem.IsLinux()) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.GetName().Name == TorchSharpAssembly) Preload();
        };
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == TorchSharpAssembly)) Preload();
    }

    /// <summary>Loads the libraries once; records, never throws, so it is safe inside an assembly-load event.</summary>
    private static void Preload()
    {
        if (!OperatingSystem.IsLinux()) return;
        lock (Gate)
        {
            if (_loadedShim is not null || _failure is not null) return;
            var folders = NativeFolders();
            var libtorch = folders.FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch_cpu.so")));
            if (libtorch is null) return; // not the kit's layout: leave it to TorchSharp
            var errors = new List<string>();
            foreach (var name in (string[])["libtorch_cpu.so", "libtorch.so"])
                if (!TryLoad(Path.Combine(libtorch, name), errors))
                {
                    _failure = errors[^1];
                    return;
                }
            // The shim beside libtorch first (the one TorchSharp itself would pick, so it is not loaded twice), then the
            // kit's patched copy beside StockAgent.dll: in a project outside this repository the first one is unpatched.
            foreach (var shim in new[] { libtorch, folders[0] }.Distinct().Select(f => Path.Combine(f, ShimName)).Where(File.Exists))
                if (TryLoad(shim, errors))
                {
                    _loadedShim = shim;
                    return;
                }
            if (errors.Count > 0)
                _failure = string.Join("; ", errors) + (errors.Any(e => e.Contains("GLIBCXX", StringComparison.Ordinal))
                    ? ". TorchSharp's shim is not patched for this system's libstdc++: rebuild the kit (dotnet build), which puts a patched copy beside StockAgent.dll."
                    : "");
        }
    }

    private static bool TryLoad(string path, List<string> errors)
    {
        try
        {
            NativeLibrary.Load(path);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            errors.Add($"could not load {path}: {ex.Message}");
            return false;
        }
    }

    /// <summary>Beside StockAgent.dll first (the kit's own copy of the shim is patched), then its runtimes folder.</summary>
    private static string[] NativeFolders()
    {
        var location = typeof(TorchNative).Assembly.Location;
        var home = string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
        return [home, Path.Combine(home, "runtimes", "linux-x64", "native")];
    }

    private static string NativeFolderDescription() => OperatingSystem.IsLinux()
        ? $"searched {string.Join(" and ", NativeFolders())}; shim loaded by path: {LoadedShim ?? "none"}"
        : $"platform {RuntimeInformation.OSDescription}";
}
