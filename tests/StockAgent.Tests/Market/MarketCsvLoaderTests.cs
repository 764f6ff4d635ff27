using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class MarketCsvLoaderTests
{
    private const string AlphaHeader = "timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient";

    [Fact]
    public void LoadFile_AlphaVantage_ScalesOhlcByAdjustedOverClose()
    {
        using var dir = new TempFolder();
        var path = dir.File("ABC.csv", $"{AlphaHeader}\n2020-01-02,10,12,9,11,5.5,1000,0,1\n2020-01-03,11,13,10,12,6,2000,0,1\n");

        var report = MarketCsvLoader.LoadFile(path);

        Assert.Equal(CsvFormat.AlphaVantage, report.Format);
        Assert.Empty(report.Issues);
        var s = report.Series!;
        Assert.Equal("ABC", s.Symbol);
        Assert.Equal([5.0, 5.5], s.Open);
        Assert.Equal([6.0, 6.5], s.High);
        Assert.Equal([4.5, 5.0], s.Low);
        Assert.Equal([5.5, 6.0], s.Close);
        Assert.Equal([1000.0, 2000.0], s.Volume);
        Assert.Equal([0.5, 0.5], s.AdjustmentFactor);
    }

    [Fact]
    public void LoadFile_Yahoo_UsesAdjClose()
    {
        using var dir = new TempFolder();
        var path = dir.File("SPY.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,100,110,90,100,80,5\n");

        var s = MarketCsvLoader.LoadFile(path).Series!;

        Assert.Equal(CsvFormat.Yahoo, MarketCsvLoader.LoadFile(path).Format);
        Assert.Equal(80.0, s.Close[0], 12);
        Assert.Equal(88.0, s.High[0], 12);
    }

    [Theory]
    [InlineData("date,open,high,low,close,volume")]
    [InlineData("Date,Open,High,Low,Close,Volume")]
    public void LoadFile_PlainOrStooq_IsUnadjusted(string header)
    {
        using var dir = new TempFolder();
        var path = dir.File("XYZ.csv", $"{header}\n2020-01-02,10,12,9,11,100\n2020-01-03,11,12,10,11.5,100\n");

        var report = MarketCsvLoader.LoadFile(path);

        Assert.Equal(CsvFormat.Plain, report.Format);
        Assert.Equal([11.0, 11.5], report.Series!.Close);
        Assert.Equal([1.0, 1.0], report.Series.AdjustmentFactor);
    }

    [Fact]
    public void LoadFile_NewestFirst_IsReversed()
    {
        using var dir = new TempFolder();
        var path = dir.File("NEW.csv", "date,open,high,low,close,volume\n2020-01-03,11,12,10,11.5,100\n2020-01-02,10,12,9,11,100\n");

        var s = MarketCsvLoader.LoadFile(path).Series!;

        Assert.Equal([new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3)], s.Dates);
        Assert.Equal([11.0, 11.5], s.Close);
    }

    [Fact]
    public void LoadFile_SplitInRawPrices_IsInvisibleAfterAdjustment()
    {
        // A 2:1 split between day 2 and day 3: raw prices halve, the adjusted close does not.
        using var dir = new TempFolder();
        var path = dir.File("SPL.csv", $"{AlphaHeader}\n" +
            "2020-01-02,100,102,99,100,50,10,0,1\n" +
            "2020-01-03,100,103,99,102,51,10,0,1\n" +
            "2020-01-06,51,52,50,51.5,51.5,20,0,2\n");

        var s = MarketCsvLoader.LoadFile(path).Series!;

        Assert.InRange(s.Close[2] / s.Close[1] - 1, 0.009, 0.011);
        Assert.InRange(s.Open[2] / s.Close[1] - 1, -0.001, 0.001);
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "timestamp,open,high,low,adjusted_close,volume", "", "missing column(s) close" },
        { AlphaHeader, "2020-01-02,abc,12,9,11,11,100,0,1", "open 'abc' is not a finite number" },
        { AlphaHeader, "2020-13-02,10,12,9,11,11,100,0,1", "cannot read the date '2020-13-02'" },
        { AlphaHeader, "2020-01-02,,12,9,11,11,100,0,1", "open is empty" },
        { AlphaHeader, "2020-01-02,NaN,12,9,11,11,100,0,1", "open 'NaN' is not a finite number" },
        { AlphaHeader, "2020-01-02,10,12,0,11,11,100,0,1", "non-positive price" },
        { AlphaHeader, "2020-01-02,10,9,11,10,10,100,0,1", "high 9 is below low 11" },
        { AlphaHeader, "2020-01-02,13,12,9,11,11,100,0,1", "open 13 is outside [low 9, high 12]" },
        { AlphaHeader, "2020-01-02,10,12,9,8,8,100,0,1", "close 8 is outside [low 9, high 12]" },
        { AlphaHeader, "2020-01-02,10,12,9,11,11,100,0,1\n2020-01-02,10,12,9,11,11,100,0,1", "duplicate date" },
        { AlphaHeader, "2020-01-02,10,12,9,11,11,100,0,1\n2020-01-06,10,12,9,11,11,100,0,1\n2020-01-03,10,12,9,11,11,100,0,1", "dates out of order" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void LoadFile_BadInput_ReportsErrorWithFileAndLineAndLeavesSeriesOut(string header, string rows, string expected)
    {
        using var dir = new TempFolder();
        var path = dir.File("BAD.csv", $"{header}\n{rows}\n");

        var report = MarketCsvLoader.LoadFile(path);

        Assert.Null(report.Series);
        var error = Assert.Single(report.Issues, i => i.Severity == ValidationSeverity.Error && i.Message.Contains(expected));
        Assert.Equal("BAD.csv", error.File);
        Assert.NotNull(error.Line);
        Assert.StartsWith("error: BAD.csv:", error.ToString());
    }

    [Fact]
    public void LoadFile_ErrorLine_PointsAtTheOffendingRow()
    {
        using var dir = new TempFolder();
        var path = dir.File("BAD.csv", $"{AlphaHeader}\n2020-01-02,10,12,9,11,11,100,0,1\n2020-01-03,10,12,9,x,11,100,0,1\n");

        var issue = Assert.Single(MarketCsvLoader.LoadFile(path).Issues);

        Assert.Equal(3, issue.Line);
    }

    [Theory]
    [InlineData("2020-01-02,10,12,9,11,11,0,0,1", "zero volume")]
    [InlineData("2020-01-02,10,12,9,11,11,100,0,1\n2020-01-10,10,12,9,11,11,100,0,1", "gap of 8 calendar days")]
    [InlineData("2020-01-02,10,12,9,11,11,100,0,1\n2020-01-03,20,25,19,24,24,100,0,1", "moved +118.2% in one day")]
    public void LoadFile_Suspicious_WarnsWithDateButLoads(string rows, string expected)
    {
        using var dir = new TempFolder();
        var path = dir.File("WRN.csv", $"{AlphaHeader}\n{rows}\n");

        var report = MarketCsvLoader.LoadFile(path);

        Assert.NotNull(report.Series);
        var warning = Assert.Single(report.Issues);
        Assert.Equal(ValidationSeverity.Warning, warning.Severity);
        Assert.Contains(expected, warning.Message);
        Assert.NotNull(warning.Date);
    }

    [Fact]
    public void LoadFolder_Universe_AssignsSectorsAndBenchmark()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "symbol,name,sector\nAAA,A Corp,Energy\nSPY,SPDR,Benchmark\n");
        dir.File("daily/AAA.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");
        dir.File("daily/SPY.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");
        dir.File("daily/BBB.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");

        var result = MarketCsvLoader.LoadFolder(dir.Path);

        Assert.Equal(["AAA", "BBB"], result.Data.Series.Keys.Order());
        Assert.Equal("Energy", result.Data.SectorOf("AAA"));
        Assert.Equal("Unknown", result.Data.SectorOf("BBB"));
        Assert.Equal("SPY", result.Data.Benchmark!.Symbol);
        Assert.Contains(result.FolderIssues, i => i.Severity == ValidationSeverity.Warning && i.Message.Contains("BBB is not in universe.csv"));
    }

    [Fact]
    public void LoadFolder_UniverseListsMissingFile_IsAnErrorOfTheFolderThatLeavesTheOthersIn()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "symbol,name,sector\nAAA,A Corp,Energy\nZZZ,Z Corp,Energy\n");
        dir.File("AAA.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");

        var result = MarketCsvLoader.LoadFolder(dir.Path);

        Assert.Contains(result.FolderIssues, i => i.Severity == ValidationSeverity.Error && i.Message.Contains("ZZZ.csv is missing"));
        Assert.Empty(result.Blocking);
        Assert.Equal(["AAA"], result.Data.Series.Keys);
        Assert.Equal(["ZZZ is listed in universe.csv but ZZZ.csv is missing"], result.LeftOut);
    }

    [Fact]
    public void LoadFolder_EmptyUniverse_IsReportedNotThrown()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "");
        dir.File("AAA.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");

        var result = MarketCsvLoader.LoadFolder(dir.Path);

        var blocking = Assert.Single(result.Blocking);
        Assert.Equal("error: universe.csv:1: empty file; expected the header symbol,name,sector.", blocking.ToString());
        Assert.Single(result.Files);
        Assert.Equal(1, result.Errors);
    }

    [Fact]
    public void UniverseCsv_MissingSectorColumn_NamesFileAndLine()
    {
        using var dir = new TempFolder();
        var path = dir.File("universe.csv", "symbol,name\nAAA,A\n");

        var ex = Assert.Throws<InvalidDataException>(() => UniverseCsv.Read(path));

        Assert.Contains("universe.csv:1", ex.Message);
        Assert.Contains("sector", ex.Message);
    }

    [Fact]
    public void UniverseCsv_WriteThenRead_RoundTrips()
    {
        using var dir = new TempFolder();
        var list = new[] { new SymbolInfo("A", "Alpha, Inc.", "Energy"), new SymbolInfo("B", "Beta \"B\"", "Utilities") };

        UniverseCsv.Write(dir.Combine("universe.csv"), list);

        Assert.Equal(list, UniverseCsv.Read(dir.Combine("universe.csv")));
    }
}
