using StockAgent.Evaluation;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

public class ReturnSeriesCsvTests
{
    [Fact]
    public void Read_AllColumns_CaseInsensitiveHeader()
    {
        using var dir = new TempFolder();
        var path = dir.File("r.csv", "Date,Return,Benchmark,exposure,asset_return\n2020-01-02,0.01,0.005,1,0.01\n2020-01-03,-0.02,-0.01,0.5,-0.04\n\n2020-01-06,1e-3,0,0,0.002\n");
        var s = ReturnSeriesCsv.Read(path);
        Assert.Equal([new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3), new DateOnly(2020, 1, 6)], s.Dates);
        Assert.Equal([0.01, -0.02, 0.001], s.Returns);
        Assert.Equal([0.005, -0.01, 0], s.Benchmark!);
        Assert.Equal([1, 0.5, 0], s.Exposure!);
        Assert.Equal([0.01, -0.04, 0.002], s.AssetReturns!);
        Assert.Equal([12.5, -3], TradePnlCsv.Read(dir.File("t.csv", "Symbol,Pnl\nAAA,12.5\nBBB,-3\n")));
    }

    [Theory]
    [InlineData("date,return\n2020-01-02,0.01\n2020-01-03,abc\n2020-01-06,0.01\n", ":3: return 'abc' is not a finite number")]
    [InlineData("date,return\n2020-01-02,0.01\n02/01/2020,0.01\n2020-01-06,0.01\n", ":3: date '02/01/2020' is not a date")]
    [InlineData("date,return\n2020-01-03,0.01\n2020-01-02,0.01\n2020-01-06,0.01\n", ":3: date 2020-01-02 does not come after 2020-01-03")]
    [InlineData("date,return\n2020-01-02,0.01\n2020-01-03,-1.5\n2020-01-06,0.01\n", ":3: return -1.5 is below -1")]
    [InlineData("date,return,benchmark\n2020-01-02,0.01,\n2020-01-03,0.01,0\n2020-01-06,0.01,0\n", ":2: benchmark is empty")]
    [InlineData("day,ret\n2020-01-02,0.01\n", ":1: missing column 'date'")]
    [InlineData("date,return,exposure\n2020-01-02,0.01,1\n", ":1: the columns exposure and asset_return go together")]
    [InlineData("date,return\n2020-01-02,0.01\n", "1 return rows; at least 3 are needed")]
    [InlineData("", ":1: empty file")]
    public void Read_BadFile_NamesTheFileAndLine(string content, string expected)
    {
        using var dir = new TempFolder();
        var path = dir.File("bad.csv", content);
        var ex = Assert.Throws<InvalidDataException>(() => ReturnSeriesCsv.Read(path));
        Assert.StartsWith(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void ReadTrades_BadFile_NamesTheFileAndLine()
    {
        using var dir = new TempFolder();
        Assert.Contains(":1: missing column 'pnl'", Assert.Throws<InvalidDataException>(() => TradePnlCsv.Read(dir.File("a.csv", "profit\n1\n"))).Message);
        Assert.Contains("b.csv:3: pnl 'x' is not a finite number", Assert.Throws<InvalidDataException>(() => TradePnlCsv.Read(dir.File("b.csv", "pnl\n1\nx\n"))).Message);
        Assert.Throws<FileNotFoundException>(() => TradePnlCsv.Read(dir.Combine("none.csv")));
    }
}
