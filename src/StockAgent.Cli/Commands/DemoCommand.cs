using System.CommandLine;
using System.Diagnostics;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent demo`: the synthetic-market walk-through (the continuous pipeline will replace it as the main job).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs; the synthetic market when omitted." };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic market.", DefaultValueFactory = _ => 7 };
        var output = new Option<string>("--out") { Description = "Folder for the demo's files.", DefaultValueFactory = _ => Path.Combine("data", "runs", "demo") };
        var command = new Command("demo", "Generate (or load) a market, write and validate it, and show its regime coverage.");
        foreach (var o in new Option[] { data, seed, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var clock = Stopwatch.StartNew();
            var dataDir = parse.GetValue(data);
            var market = MarketSource.Load(dataDir, new SyntheticMarketOptions { Seed = parse.GetValue(seed) });
            o.WriteLine($"market: {market.Source}");
            o.WriteLine($"  {market.Series.Count} symbols in {market.Sectors.Count()} sectors, benchmark {market.Benchmark?.Symbol ?? "none"}, loaded in {clock.ElapsedMilliseconds} ms");

            if (dataDir is null)
            {
                var dir = parse.GetValue(output)!;
                MarketCsvWriter.WriteMarket(dir, market);
                var check = MarketCsvLoader.LoadFolder(dir);
                o.WriteLine($"  written to {Path.GetFullPath(dir)} and read back: {check.Files.Count} files, {check.Errors} errors, {check.Warnings} warnings");
            }

            const int window = 60;
            var coverage = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int windows = 0;
            foreach (var s in market.Series.Values)
                for (int start = 0; start + window <= s.Count; start += window)
                {
                    var label = RegimeLabeler.Label(s, start, start + window - 1).ToString();
                    coverage[label] = coverage.GetValueOrDefault(label) + 1;
                    windows++;
                }
            o.WriteLine($"regimes of {windows} non-overlapping {window}-day windows:");
            foreach (var (label, count) in coverage)
                o.WriteLine($"  {label,-18} {count,6}  {100.0 * count / windows,5:F1}%");
            o.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
