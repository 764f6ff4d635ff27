using System.CommandLine;
using System.Globalization;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent data download --source stooq --symbols AAPL,MSFT --out DIR`: every symbol is tried and
/// reported; universe.csv lists those that worked; exit 1 when any failed.</summary>
public static class DataDownloadCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Data source (stooq).", DefaultValueFactory = _ => "stooq" };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated tickers, e.g. AAPL,MSFT,SPY.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write SYMBOL.csv files and universe.csv into.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Server to download from (for mirrors and tests).", DefaultValueFactory = _ => StooqDownloader.DefaultBaseUrl };
        var command = new Command("download", "Download daily prices (needs internet); each file is validated before it is written. " +
                                              "Every symbol is tried; exit 1 when any failed (the others are kept).");
        foreach (var o in new Option[] { source, symbols, output, baseUrl }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var o = parse.InvocationConfiguration.Output;
            var e = parse.InvocationConfiguration.Error;
            if (!string.Equals(parse.GetValue(source), "stooq", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--source: unknown source '{parse.GetValue(source)}'; supported: stooq.");
            var list = parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length == 0) throw new ArgumentException("--symbols: no symbols given.");
            var dir = parse.GetValue(output)!;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var downloader = new StooqDownloader(http, parse.GetValue(baseUrl)!);
            var results = await downloader.DownloadAllAsync(list, dir, r =>
            {
                if (r.Report is { Series: { } s } report)
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Symbol}: {s.Count} bars {s.Dates[0]:yyyy-MM-dd}..{s.Dates[^1]:yyyy-MM-dd}, {report.Warnings} warnings"));
                else
                    e.WriteLine($"error: {r.Symbol}: {r.Error}");
            }, cancellationToken);
            int ok = results.Count(r => r.Succeeded);
            var failed = results.Where(r => !r.Succeeded).Select(r => r.Symbol).ToList();
            o.WriteLine(ok > 0
                ? $"wrote {ok} files and {UniverseCsv.FileName} to {Path.GetFullPath(dir)}"
                : $"wrote nothing to {Path.GetFullPath(dir)}");
            if (failed.Count == 0) return 0;
            e.WriteLine($"{failed.Count} of {results.Count} symbols failed: {string.Join(", ", failed)}");
            return 1;
        });
        return command;
    }
}
