using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent library stats|export`: what the experience library holds.</summary>
public static class LibraryCommand
{
    public static Command Create()
    {
        var command = new Command("library", "Inspect the experience library.");
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Option<string> LibraryOption() =>
        new("--library") { Description = "Experience library file.", DefaultValueFactory = _ => CollectCommand.DefaultLibrary };

    private static Command Stats()
    {
        var library = LibraryOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("stats", "Totals, coverage per sector, regime and symbol, reward distribution, batches.");
        command.Options.Add(library);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            using var lib = ExperienceLibrary.Open(parse.GetValue(library)!, readOnly: true);
            var s = lib.Stats();
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(new
                {
                    library = lib.Path,
                    trajectories = s.Trajectories,
                    batches = s.Batches.Select(b => new { id = b.Id, created = b.Created, policy = b.PolicyId, version = b.PolicyVersion, reward = b.RewardName, trajectories = b.Trajectories }),
                    per_sector = s.PerSector,
                    per_regime = s.PerRegime,
                    per_symbol = s.PerSymbol,
                    per_policy = s.PerPolicy,
                    groups = s.Groups,
                    corrective = s.Corrective,
                    first_date = s.FirstDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    last_date = s.LastDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reward = new { count = s.Rewards.Count, mean = N(s.Rewards.Mean), min = N(s.Rewards.Min), q1 = N(s.Rewards.Q1), median = N(s.Rewards.Median), q3 = N(s.Rewards.Q3), max = N(s.Rewards.Max) },
                    file_bytes = s.FileBytes,
                }, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            o.WriteLine($"{lib.Path}: {s.Trajectories} trajectories in {s.Batches.Count} batches, {s.FileBytes / 1e6:F1} MB" +
                        (s.FirstDate is { } f ? $", windows {f:yyyy-MM-dd}..{s.LastDate:yyyy-MM-dd}" : ""));
            o.WriteLine($"symbols: {s.PerSymbol.Count}; GRPO groups: {s.Groups}; corrective: {s.Corrective}; policies: {string.Join(", ", s.PerPolicy.Select(kv => $"{kv.Key} {kv.Value}"))}");
            Section(o, "sector", s.PerSector, s.Trajectories);
            Section(o, "regime", s.PerRegime, s.Trajectories);
            Section(o, "symbol", s.PerSymbol, s.Trajectories);
            var r = s.Rewards;
            o.WriteLine($"reward: mean {r.Mean:F3}, min {r.Min:F3}, q1 {r.Q1:F3}, median {r.Median:F3}, q3 {r.Q3:F3}, max {r.Max:F3}");
            o.WriteLine("batches:");
            foreach (var b in s.Batches)
                o.WriteLine($"  {b.Id,4}  {b.Created:yyyy-MM-dd HH:mm:ss}  {b.PolicyId} ({b.PolicyVersion})  reward {b.RewardName}  {b.Trajectories} trajectories");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var library = LibraryOption();
        var output = new Option<string>("--out") { Description = "CSV file to write (one row per trajectory).", Required = true };
        var regime = new Option<string?>("--regime") { Description = $"Only this regime: {string.Join(", ", MarketRegime.All)}." };
        var sector = new Option<string?>("--sector") { Description = "Only this sector." };
        var minReward = new Option<double?>("--min-reward") { Description = "Only trajectories with at least this reward." };
        var command = new Command("export", "Export trajectory summaries to CSV.");
        foreach (var opt in new Option[] { library, output, regime, sector, minReward }) command.Options.Add(opt);
        command.SetAction(parse =>
        {
            using var lib = ExperienceLibrary.Open(parse.GetValue(library)!, readOnly: true);
            // An unknown regime is refused by the library's query (naming the six); an absent sector is refused here.
            if (parse.GetValue(sector) is { } sec && lib.Count(new TrajectoryQuery { Sector = sec }) == 0 && lib.Count() > 0)
                throw new ArgumentException($"--sector: the library holds no trajectory of sector '{sec}'; its sectors are {string.Join(", ", lib.Stats().PerSector.Keys)}.");
            int rows = lib.ExportCsv(parse.GetValue(output)!, new TrajectoryQuery { Regime = parse.GetValue(regime), Sector = parse.GetValue(sector), MinReward = parse.GetValue(minReward) });
            parse.InvocationConfiguration.Output.WriteLine($"wrote {rows} trajectories to {Path.GetFullPath(parse.GetValue(output)!)}");
            return 0;
        });
        return command;
    }

    private static void Section(TextWriter o, string title, IReadOnlyDictionary<string, int> counts, int total)
    {
        o.WriteLine($"per {title}:");
        foreach (var (key, n) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            o.WriteLine($"  {key,-26} {n,8}  {100.0 * n / Math.Max(1, total),5:F1}%");
    }

    private static double? N(double x) => double.IsFinite(x) ? x : null;
}
