using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class MarketSourceTests
{
    private const string Good = "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n2020-01-03,11,13,10,12,100\n";
    private const string HighBelowLow = "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n2020-01-03,10,8,9,11,100\n2020-01-06,10,8,9,11,100\n";

    [Fact]
    public void Load_OneBadFileAmongGood_KeepsTheGoodAndWarnsNamingTheBadFileAndItsFirstError()
    {
        using var dir = new TempFolder();
        dir.File("AAA.csv", Good);
        dir.File("BBB.csv", Good);
        dir.File("BAD.csv", HighBelowLow);
        var warnings = new List<string>();

        var market = MarketSource.Load(dir.Path, warning: warnings.Add);

        Assert.Equal(["AAA", "BBB"], market.Series.Keys.Order());
        var warning = Assert.Single(warnings);
        Assert.Contains("BAD.csv is left out: BAD.csv:3 (2020-01-03): high 8 is below low 9", warning);
        Assert.Contains("and 5 more errors", warning);
        Assert.Contains(dir.Path, warning);
    }

    [Fact]
    public void Load_EveryFileBad_IsRefusedNamingTheFiles()
    {
        using var dir = new TempFolder();
        dir.File("BAD.csv", HighBelowLow);
        dir.File("WORSE.csv", "no,header,here\n1,2,3\n");

        var ex = Assert.Throws<InvalidDataException>(() => MarketSource.Load(dir.Path, warning: _ => { }));

        Assert.Contains("no usable tradable symbol", ex.Message);
        Assert.Contains("BAD.csv is left out", ex.Message);
        Assert.Contains("WORSE.csv is left out", ex.Message);
    }

    [Fact]
    public void Load_OnlyTheBenchmarkIsGood_IsRefused()
    {
        using var dir = new TempFolder();
        dir.File("SPY.csv", Good);
        dir.File("BAD.csv", HighBelowLow);

        Assert.Throws<InvalidDataException>(() => MarketSource.Load(dir.Path, warning: _ => { }));
    }

    [Fact]
    public void Load_BadBenchmark_SaysTheIndexBecomesEqualWeight()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "symbol,name,sector\nAAA,A,Energy\nSPY,SPDR,Benchmark\n");
        dir.File("AAA.csv", Good);
        dir.File("SPY.csv", HighBelowLow);
        var warnings = new List<string>();

        var market = MarketSource.Load(dir.Path, warning: warnings.Add);

        Assert.Null(market.Benchmark);
        Assert.Contains(warnings, w => w.Contains("SPY.csv is left out") && w.Contains("equal-weight index"));
    }

    [Fact]
    public void Load_UniverseListsAMissingFile_KeepsTheOthersWithAWarning()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "symbol,name,sector\nAAA,A Corp,Energy\nZZZ,Z Corp,Energy\n");
        dir.File("AAA.csv", Good);
        var warnings = new List<string>();

        var market = MarketSource.Load(dir.Path, warning: warnings.Add);

        Assert.Equal(["AAA"], market.Series.Keys);
        Assert.Contains(warnings, w => w.Contains("ZZZ is listed in universe.csv but ZZZ.csv is missing"));
    }

    [Theory]
    [InlineData("", "universe.csv:1: empty file")]
    [InlineData("symbol,name\nAAA,A\n", "universe.csv:1: missing column 'sector'")]
    [InlineData("symbol,name,sector\nAAA,A,Energy\nAAA,A again,Energy\n", "universe.csv:3: symbol AAA is listed twice")]
    public void Load_UnreadableUniverse_RefusesTheFolderNamingTheLine(string universe, string expected)
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", universe);
        dir.File("AAA.csv", Good);

        var ex = Assert.Throws<InvalidDataException>(() => MarketSource.Load(dir.Path, warning: _ => { }));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Load_MissingFolder_SpeaksOfTheFolderNotOfACliFlag()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => MarketSource.Load("/no/such/market-folder"));

        Assert.Equal("market data folder '/no/such/market-folder' does not exist.", ex.Message);
        Assert.DoesNotContain("--", ex.Message);
    }

    [Fact]
    public void Backtest_FolderWithOneBadFile_RunsOnTheOthersAndWarnsOnStandardError()
    {
        using var dir = new TempFolder();
        MarketCsvWriter.WriteMarket(dir.Path, SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 1, Seed = 3 }));
        var lines = File.ReadAllLines(dir.Combine("S002.csv"));
        lines[5] = "not-a-date,1,2,3,4,5";
        File.WriteAllLines(dir.Combine("S002.csv"), lines);

        var run = ProcessRunner.RunDll("StockAgent.Cli.dll", ["backtest", "--strategy", "buy-and-hold", "--data", dir.Path, "--json"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("warning: market data folder", run.Stderr);
        Assert.Contains("S002.csv is left out: S002.csv:6: cannot read the date 'not-a-date'", run.Stderr);
        Assert.Contains("S001", run.Stdout);
        Assert.DoesNotContain("\"S002\"", run.Stdout);
    }
}
