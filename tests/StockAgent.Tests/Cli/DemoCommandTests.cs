using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public void Demo_SyntheticDefault_WritesValidMarketAndCoversEveryRegime()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("demo", "--out", dir.Path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("41 files, 0 errors", run.Stdout);
        foreach (var regime in StockAgent.Market.MarketRegime.All)
            Assert.Contains(regime.ToString(), run.Stdout);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        var run = CliRunner.Run("no-such-command");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Stderr);
    }
}
