using System.CommandLine;
using StockAgent.Cli.Bench;
using StockAgent.Experiments;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent bench`: throughput of the hot paths, printed (never asserted).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs (default: a synthetic market of 104 symbols x 21 years, like the shared real one)." };
        var repeat = new Option<int>("--repeat") { Description = "Measured runs per benchmark (the median is reported).", DefaultValueFactory = _ => 7 };
        var warmUp = new Option<double>("--warmup-seconds") { Description = "Warm-up time per benchmark.", DefaultValueFactory = _ => 2.0 };
        var filter = new Option<string?>("--filter") { Description = "Only benchmarks whose name contains this text." };
        var command = new Command("bench", "Measure throughput of the hot paths (bars/s, decisions/s, trajectories/s).");
        foreach (var o in new Option[] { data, repeat, warmUp, filter }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            int repeats = parse.GetValue(repeat);
            if (repeats < 1) throw new ArgumentException($"--repeat must be at least 1 (got {repeats}).");
            var dir = parse.GetValue(data);
            var context = ExperimentContext.Load(new ExperimentSettings { DataDirectory = dir, Synthetic = new SyntheticMarketOptions { Symbols = 104, Sectors = 11, Years = 21 } });
            o.WriteLine($"market: {context.Market.Source}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
            o.WriteLine($"{"benchmark",-50} {"units",10} {"median",10} {"best",10} {"throughput",18}");
            foreach (var b in BenchmarkCatalog.All(context))
            {
                if (parse.GetValue(filter) is { } f && !b.Name.Contains(f, StringComparison.OrdinalIgnoreCase)) continue;
                var r = BenchmarkRunner.Measure(b, repeats, TimeSpan.FromSeconds(parse.GetValue(warmUp)));
                var rate = r.UnitsPerSecond >= 1e5 ? $"{r.UnitsPerSecond / 1e6,10:F2} M {r.Unit}/s" : $"{r.UnitsPerSecond,10:F1} {r.Unit}/s";
                o.WriteLine($"{r.Name,-50} {r.Units,10:N0} {r.MedianSeconds * 1000,8:F1}ms {r.BestSeconds * 1000,8:F1}ms {rate}");
                if (b.Note is { } note) o.WriteLine($"    {note}");
            }
            return 0;
        });
        return command;
    }
}
