using System.Diagnostics;

namespace StockAgent.Tests.Support;

/// <summary>Runs one of the kit's programs (a .dll in the test output) or the dotnet CLI as a child process.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="dllName"/> (relative to the test output, or an absolute path) with dotnet.</summary>
    public static Result RunDll(string dllName, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunDotnet([Path.Combine(AppContext.BaseDirectory, dllName), .. args], workingDirectory, timeout, environment);

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> (build, run, a .dll).</summary>
    public static Result RunDotnet(IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', psi.ArgumentList)} did not finish in time");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
