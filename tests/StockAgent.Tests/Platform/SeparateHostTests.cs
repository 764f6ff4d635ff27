using StockAgent.Tests.Support;

namespace StockAgent.Tests.Platform;

/// <summary>
/// TorchSharp from a program outside this repository: tests/TorchHost (a console app with a project reference to the
/// kit) is copied to a temporary folder, so none of the repository's build files apply to it, built against the kit as
/// already built, and run. Its output folder holds TorchSharp's unpatched shim from the NuGet cache; the forward pass
/// works because StockAgent.Agents.TorchNative loads the patched copy that the kit ships beside StockAgent.dll.
/// </summary>
public class SeparateHostTests
{
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_UPDATE_NOTIFY_DISABLE"] = "1",
    };

    [Fact]
    public void ConsoleAppReferencingTheKit_RunsAForwardPass()
    {
        using var dir = new TempFolder();
        foreach (var file in new[] { "TorchHost.csproj", "Program.cs" })
            File.Copy(Path.Combine(RepoPaths.Root, "tests", "TorchHost", file), dir.Combine(file));
        var kit = Path.Combine(RepoPaths.Root, "src", "StockAgent", "StockAgent.csproj");

        var build = ProcessRunner.RunDotnet(
            ["build", "-c", RepoPaths.Configuration, $"-p:KitProject={kit}", "-p:BuildProjectReferences=false", "--nologo"],
            dir.Path, TimeSpan.FromMinutes(10), Quiet);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        var output = dir.Combine(Path.Combine("bin", RepoPaths.Configuration, "net10.0"));
        var run = ProcessRunner.RunDotnet([Path.Combine(output, "TorchHost.dll")], output, TimeSpan.FromMinutes(2), Quiet);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("probabilities: 5x3, row sums 1.0000 1.0000 1.0000 1.0000 1.0000", run.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "runtimes", "linux-x64", "native", "libLibTorchSharp.so")),
            "the host's output holds the package's own shim, as any app outside the repository gets it");
        if (OperatingSystem.IsLinux() && !SystemHasGlibcxx3432())
            Assert.Contains($"shim: {Path.Combine(output, "libLibTorchSharp.so")}", run.Stdout);
    }

    [Fact]
    public void TorchNative_InTheTestHost_LoadsTheShimFromTheKitsOutput()
    {
        StockAgent.Agents.TorchNative.EnsureLoaded();

        if (OperatingSystem.IsLinux())
            Assert.StartsWith(AppContext.BaseDirectory, StockAgent.Agents.TorchNative.LoadedShim);
        using var ones = TorchSharp.torch.ones(3);
        Assert.Equal(3f, ones.sum().item<float>());
    }

    private static bool SystemHasGlibcxx3432() =>
        File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
        && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")).Contains("GLIBCXX_3.4.32");
}
