using System.CommandLine;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent data download --source stooq --symbols AAPL,MSFT --out DIR`.</summary>
public static class DataDownloadCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Data source (stooq).", DefaultValueFactory = _ => "stooq" };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated tickers, e.g. AAPL,MSFT,SPY.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write SYMBOL.csv files and universe.csv into.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Server to download from (for mirrors and tests).", DefaultValueFactory = _ => StooqDownloader.DefaultBaseUrl };
        var command = new Command("download", "Download daily prices (needs internet); each file is validated before it is written.");
        foreach (var o in new Option[] { source, symbols, output, baseUrl }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var o = parse.InvocationConfiguration.Output;
            if (!string.Equals(parse.GetValue(source), "stooq", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--source: unknown source '{parse.GetValue(source)}'; supported: stooq.");
            var list = parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length == 0) throw new ArgumentException("--symbols: no symbols given.");
            var dir = parse.GetValue(output)!;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var downloader = new StooqDownloader(http, parse.GetValue(baseUrl)!);
            var done = new List<string>();
            foreach (var symbol in list)
            {
                var report = await downloader.DownloadAsync(symbol, dir, cancellationToken);
                var s = report.Series!;
                o.WriteLine($"{report.Symbol}: {s.Count} bars {s.Dates[0]:yyyy-MM-dd}..{s.Dates[^1]:yyyy-MM-dd}, {report.Warnings} warnings");
                done.Add(report.Symbol);
            }
            StooqDownloader.UpdateUniverse(dir, done);
            o.WriteLine($"wrote {done.Count} files and {UniverseCsv.FileName} to {Path.GetFullPath(dir)}");
            return 0;
        });
        return command;
    }
}
