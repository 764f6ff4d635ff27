using StockAgent.Tests.Support;

namespace StockAgent.Tests.Repository;

public class ReadmeTests
{
    private static IReadOnlyList<string> IndentedCommands() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"))
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Trim().StartsWith("dotnet ", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .ToList();

    [Fact]
    public void Readme_FirstTwoCommands_RunTheMainJobThenTheTests()
    {
        var commands = IndentedCommands();
        Assert.True(commands.Count >= 2, "README must start with two commands");
        Assert.StartsWith("dotnet run --project src/StockAgent.Cli", commands[0]);
        Assert.StartsWith("dotnet test StockAgent.sln", commands[1]);
    }

    [Fact]
    public void CiScript_RunsTheReadmeTestCommand()
    {
        var ci = File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run"));
        Assert.Contains("README.md", ci);
        Assert.Contains("dotnet test", ci);
    }

    [Fact]
    public void Repository_TracksNoCopyOfTheSharedMarketData()
    {
        var csvs = Directory.EnumerateFiles(RepoPaths.Root, "*.csv", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFileName)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("AAPL.csv", csvs);
        Assert.DoesNotContain("SPY.csv", csvs);
    }
}
