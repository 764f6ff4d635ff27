using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class DataDownloadCommandTests
{
    private const string Csv = "Date,Open,High,Low,Close,Volume\n2021-01-04,10,11,9,10.5,100\n2021-01-05,10.5,11,10,10.8,120\n";

    private static LocalHttpServer Server() => new(request =>
        request.QueryString["s"] switch
        {
            "aapl.us" or "msft.us" => (200, Csv),
            "bad.us" => (200, "Date,Open,High,Low,Close,Volume\n2021-01-04,10,9,11,10.5,100\n"),
            "down.us" => (503, "busy"),
            _ => (200, "No data"),
        });

    [Fact]
    public void Download_Stooq_WritesValidatedFilesAndUniverse()
    {
        using var server = Server();
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "download", "--source", "stooq", "--symbols", "AAPL,MSFT", "--out", dir.Path, "--base-url", server.BaseUrl);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("/q/d/l/?s=aapl.us&i=d", server.Requests);
        var loaded = MarketCsvLoader.LoadFolder(dir.Path);
        Assert.Equal(0, loaded.Errors);
        Assert.Equal(["AAPL", "MSFT"], loaded.Data.Series.Keys.Order());
        Assert.Equal(10.8, loaded.Data["MSFT"].Close[1]);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*"));
    }

    [Theory]
    [InlineData("NOPE", "no data")]
    [InlineData("BAD", "not valid daily data")]
    [InlineData("DOWN", "HTTP 503")]
    public void Download_BadReply_ExitsTwoAndWritesNothingForThatSymbol(string symbol, string expected)
    {
        using var server = Server();
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "download", "--symbols", symbol, "--out", dir.Path, "--base-url", server.BaseUrl);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.False(File.Exists(dir.Combine(symbol + ".csv")));
    }

    [Fact]
    public void Download_UnknownSource_IsRejected()
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("data", "download", "--source", "yahoo", "--symbols", "AAPL", "--out", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown source 'yahoo'", run.Stderr);
    }
}
