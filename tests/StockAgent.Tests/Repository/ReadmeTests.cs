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

    /// <summary>The README's first command, its arguments exactly as written, run in a fresh folder (the built CLI
    /// instead of `dotnet run`, which would rebuild): the quick pipeline runs to its end, confirms on the test sets and
    /// publishes its benchmark report.</summary>
    [Fact]
    public void Readme_FirstCommand_RunsTheQuickPipelineToItsPublishedReport()
    {
        var first = IndentedCommands()[0];
        int dashes = first.IndexOf(" -- ", StringComparison.Ordinal);
        Assert.True(dashes > 0, first);
        var args = first[(dashes + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("continuous-training", args[0]);

        using var dir = new TempFolder();
        var run = ProcessRunner.RunDll("StockAgent.Cli.dll", args, dir.Path, TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var state = StockAgent.Pipeline.PipelineState.TryLoad(Path.Combine(dir.Path, "continuous_training"))!;
        Assert.Equal(StockAgent.Pipeline.PipelineStatus.Done, state.Status);
        Assert.True(File.Exists(state.Confirmation), state.Confirmation);
        Assert.Contains("goals", run.Stdout);
        Assert.Equal(Path.Combine(dir.Path, "continuous_training", "benchmark.html"), state.Report);
        Assert.True(File.Exists(state.Report));
        Assert.Contains("## Summary", File.ReadAllText(Path.Combine(dir.Path, "continuous_training", "benchmark.md")));
        Assert.Contains("report: " + state.Report, run.Stdout);
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
