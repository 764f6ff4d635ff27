namespace StockAgent.Tests.Pipeline;

/// <summary>A fact that runs a command under a real pseudo-terminal with util-linux <c>script</c>; reported as skipped,
/// with the reason, where <c>script</c> is not installed.</summary>
public sealed class ScriptFactAttribute : FactAttribute
{
    /// <summary>The full path of <c>script</c>, or null when it is not on the PATH.</summary>
    public static string? Script { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "script")).FirstOrDefault(File.Exists);

    public ScriptFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "util-linux script is Linux's";
        else if (Script is null) Skip = "util-linux 'script' is not installed (Debian: bsdutils), so no pseudo-terminal can be made here";
    }
}
