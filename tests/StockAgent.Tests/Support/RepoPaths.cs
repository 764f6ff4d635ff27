using StockAgent;

namespace StockAgent.Tests.Support;

/// <summary>Locations tests read from: the repository root and the shared real market (may be absent).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration these tests were built in ("Release", "Debug"), read from the output path.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>../shared/data/market beside the repository, or null when this machine has none.</summary>
    public static string? SharedMarket { get; } = KitInfo.FindSharedMarketFolder(Root);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StockAgent.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tests must run from inside the repository (StockAgent.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
