using System.CommandLine;
using System.Globalization;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent data synth`: writes the synthetic market as CSVs plus universe.csv.</summary>
public static class DataSynthCommand
{
    public static Command Create()
    {
        var symbols = new Option<int>("--symbols") { Description = "Number of symbols.", DefaultValueFactory = _ => 40 };
        var sectors = new Option<int>("--sectors") { Description = "Number of sectors.", DefaultValueFactory = _ => 6 };
        var years = new Option<int>("--years") { Description = "Years of trading days (252 a year).", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same prices.", DefaultValueFactory = _ => 7 };
        var signal = new Option<double>("--signal") { Description = "Strength in [0, 1] of the planted momentum signal.", DefaultValueFactory = _ => 0.0 };
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var command = new Command("synth", "Generate the synthetic market (regime switching, GARCH volatility, jumps, sector factors) as CSVs.");
        foreach (var o in new Option[] { symbols, sectors, years, seed, signal, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var options = new SyntheticMarketOptions
            {
                Symbols = parse.GetValue(symbols),
                Sectors = parse.GetValue(sectors),
                Years = parse.GetValue(years),
                Seed = parse.GetValue(seed),
                SignalStrength = parse.GetValue(signal),
            };
            var market = SyntheticMarket.Generate(options);
            var dir = parse.GetValue(output)!;
            var written = MarketCsvWriter.WriteMarket(dir, market);
            var any = market.Series.Values.First();
            parse.InvocationConfiguration.Output.WriteLine(
                $"wrote {written.Count} files to {Path.GetFullPath(dir)}: {market.Series.Count} symbols in {options.Sectors} sectors, " +
                string.Create(CultureInfo.InvariantCulture, $"benchmark {SyntheticMarket.BenchmarkSymbol}, {any.Count} trading days {any.Dates[0]:yyyy-MM-dd}..{any.Dates[^1]:yyyy-MM-dd} (seed {options.Seed})"));
            return 0;
        });
        return command;
    }
}
