namespace StockAgent.Tests.Support;

/// <summary>A fact that runs a child process under a real culture (de_DE, th_TH), which needs ICU's libicuuc; it is
/// reported as skipped, with the reason, where ICU is not installed.</summary>
public sealed class IcuFactAttribute : FactAttribute
{
    private static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/usr/local/lib"];

    public IcuFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the culture test sets LANG for a child process, which is how Linux picks a culture";
        else if (!LibraryFolders.Any(d => Directory.Exists(d) && Directory.EnumerateFiles(d, "libicuuc.so*").Any()))
            Skip = "ICU (libicuuc) is not installed, so .NET can only run with the invariant culture here";
    }
}
