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
    public void Download_BadReply_ExitsOneAndWritesNothingForThatSymbol(string symbol, string expected)
    {
        using var server = Server();
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "download", "--symbols", symbol, "--out", dir.Path, "--base-url", server.BaseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: {symbol}: ", run.Stderr);
        Assert.Contains(expected, run.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path)); // neither SYMBOL.csv nor universe.csv
    }

    [Fact]
    public void Download_SeveralSymbolsSomeFailing_TriesEveryOneAndListsThoseThatWorked()
    {
        using var server = Server();
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "download", "--symbols", "AAPL,NOPE,DOWN,MSFT,BAD,a b", "--out", dir.Path, "--base-url", server.BaseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AAPL: 2 bars 2021-01-04..2021-01-05", run.Stdout);
        Assert.Contains("MSFT: 2 bars 2021-01-04..2021-01-05", run.Stdout);
        Assert.Contains("error: NOPE: Stooq has no data", run.Stderr);
        Assert.Contains("error: DOWN: ", run.Stderr);
        Assert.Contains("error: BAD: ", run.Stderr);
        Assert.Contains("error: A B: 'a b' is not a ticker symbol", run.Stderr);
        Assert.Contains("4 of 6 symbols failed: NOPE, DOWN, BAD, A B", run.Stderr);
        Assert.Contains("/q/d/l/?s=msft.us&i=d", server.Requests); // after two failures
        Assert.Equal(["AAPL.csv", "MSFT.csv", "universe.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        Assert.Equal(["AAPL", "MSFT"], UniverseCsv.Read(dir.Combine("universe.csv")).Select(u => u.Symbol));
    }

    [Fact]
    public void Download_ServerUnreachable_ReportsEverySymbol()
    {
        using var dir = new TempFolder();
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { l.Start(); port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }

        var run = CliRunner.Run("data", "download", "--symbols", "AAPL,MSFT", "--out", dir.Path, "--base-url", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: AAPL: ", run.Stderr);
        Assert.Contains("error: MSFT: ", run.Stderr);
        Assert.Contains("2 of 2 symbols failed: AAPL, MSFT", run.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path));
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
