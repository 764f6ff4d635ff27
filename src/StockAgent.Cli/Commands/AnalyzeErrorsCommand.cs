using System.CommandLine;
using System.Globalization;
using StockAgent.Agents;
using StockAgent.Evaluation;
using StockAgent.Experiments;
using StockAgent.IO;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent analyze-errors`: parses, runs an <see cref="ErrorAnalysisRun"/>, prints the tables (or JSON),
/// writes errors.json and errors_by_group.csv under --out.</summary>
public static class AnalyzeErrorsCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = $"What to analyse: {string.Join(" | ", PolicyFactory.BaselineNames)} | {PolicyFactory.TrainedSpecs} (a run folder stands for its best model).", Required = true };
        var testDays = new Option<int?>("--test-days") { Description = "Test period: the last N trading days (default: the split's test period, 90 days by default)." };
        var from = new Option<string?>("--from") { Description = "Only from this date (yyyy-MM-dd); features still warm up on earlier bars." };
        var to = new Option<string?>("--to") { Description = "Only up to this date (yyyy-MM-dd)." };
        var whipsawDays = new Option<int>("--whipsaw-days") { Description = "A trade is a whipsaw when the next trade on its symbol opens within this many trading days of its exit.", DefaultValueFactory = _ => 5 };
        var top = new Option<int>("--top") { Description = "How many of the largest losing trades to list.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (snake_case)." };
        var output = new Option<string?>("--out") { Description = "Also write errors.json and errors_by_group.csv into this folder." };
        var corrective = new Option<int>("--corrective") { Description = "Collect this many trajectories on the failing slices (training period and symbols only), flagged corrective." };
        var library = new Option<string>("--library") { Description = "Experience library for --corrective.", DefaultValueFactory = _ => CollectCommand.DefaultLibrary };
        var seed = new Option<int>("--seed") { Description = "Seed of the policy sessions and of the corrective batch (the market has its own, --market-seed).", DefaultValueFactory = _ => 7 };
        var market = new MarketOptions();
        var command = new Command("analyze-errors", "Where a policy loses out of sample: by regime, sector, volatility and holding period; top losers, whipsaws, failing slices.");
        foreach (var o in new Option[] { model, testDays, from, to, whipsawDays, top, json, output, corrective, library, seed }) command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            var settings = new ErrorAnalysisSettings
            {
                Model = parse.GetValue(model)!,
                TestDays = parse.GetValue(testDays),
                From = ParseDate(parse.GetValue(from), "--from"),
                To = ParseDate(parse.GetValue(to), "--to"),
                Analysis = new ErrorAnalysisOptions { WhipsawDays = parse.GetValue(whipsawDays), Top = parse.GetValue(top), Seed = parse.GetValue(seed) },
                Corrective = parse.GetValue(corrective),
                Library = parse.GetValue(library),
                Seed = parse.GetValue(seed),
            };
            settings.Validate(); // before the market loads
            var context = market.Load(parse);
            Action<string> log = asJson ? _ => { } : o.WriteLine;
            if (!asJson) o.WriteLine(context.ToString());
            var result = ErrorAnalysisRun.Run(context, settings, log);
            var text = ErrorAnalysisJson.Serialize(result);
            ResultOutput.Emit(o, asJson, text, w => Print(w, result), parse.GetValue(output), log,
                ("errors.json", text + "\n"), ("errors_by_group.csv", ErrorAnalysisTable.ToCsv(result)));
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter o, ErrorAnalysisResult r)
    {
        var c = CultureInfo.InvariantCulture;
        string M(double x) => double.IsFinite(x) ? x.ToString("N0", c) : "-";
        string P(double x) => double.IsFinite(x) ? (x * 100).ToString("F1", c) + "%" : "-";
        o.WriteLine(string.Create(c, $"{r.PolicyId} ({r.PolicyVersion}): {r.Backtests} symbol backtests, {r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}, {r.InitialCash:N0} each; sets: {string.Join("; ", r.Sets.Select(s => $"{s.Name} ({s.Symbols.Count} symbols, {s.Kind})"))}"));
        o.WriteLine(string.Create(c, $"{r.TradeCount} closed trades, P&L after costs {M(r.TotalPnl)} (equity change {M(r.DailyPnl)}); volatility terciles at entry: low <= {P(r.VolatilityLowMax)} < mid <= {P(r.VolatilityMidMax)} < high"));
        foreach (var note in r.Notes) o.WriteLine("note: " + note);
        foreach (var grouping in ErrorAnalysis.Groupings)
        {
            o.WriteLine();
            o.WriteLine($"by {grouping,-18} {"trades",7} {"win rate",9} {"total P&L",11} {"mean P&L",9} {"loss share",10} {"days",7} {"daily P&L",11}");
            foreach (var g in r.GroupsOf(grouping))
                o.WriteLine($"  {g.Key,-19} {g.Trades,7} {P(g.WinRate),9} {M(g.TotalPnl),11} {M(g.MeanPnl),9} {P(g.ShareOfLoss),10} {(g.Days > 0 ? g.Days.ToString(c) : "-"),7} {M(g.DailyPnl),11}");
        }
        o.WriteLine();
        o.WriteLine($"largest losing trades (top {r.TopLosers.Count}):");
        o.WriteLine($"  {"symbol",-8} {"side",-5} {"entry",10} {"exit",10} {"days",5} {"P&L",9} {"return",8} {"regime at entry",-18} sector");
        foreach (var t in r.TopLosers)
            o.WriteLine(string.Create(c, $"  {t.Symbol,-8} {(t.Side > 0 ? "long" : "short"),-5} {t.EntryDate:yyyy-MM-dd} {t.ExitDate:yyyy-MM-dd} {t.HoldingDays,5} {M(t.Pnl),9} {P(t.Return),8} {t.Regime,-18} {t.Sector}"));
        var w = r.Whipsaws;
        o.WriteLine();
        o.WriteLine(string.Create(c, $"whipsaws (next trade on the symbol within {w.WithinDays} trading days of the exit): {w.Count} of {r.TradeCount} trades, P&L {M(w.Pnl)}, {w.Losing} losing; {w.Reversals} reversals, {w.ReEntries} re-entries"));
        o.WriteLine(r.FailingSlices.Count == 0 ? "failing slices: none (no (regime, sector) slice lost in total)" : "failing slices (regime at entry, sector; worst first):");
        foreach (var s in r.FailingSlices) o.WriteLine($"  {s.Regime,-19} {s.Sector,-24} {s.Trades,5} trades {M(s.TotalPnl),11}");
        if (r.Corrective is { } k)
            o.WriteLine(k.BatchId is { } id
                ? $"corrective: {k.Trajectories} trajectories of {k.Window} days on {k.Slices.Count} slices stored as batch {id} in {k.Library} (flag '{Experience.TrajectoryQuery.CorrectiveFlag}')"
                : $"corrective: none collected (no failing slice)");
    }

    private static DateOnly? ParseDate(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException($"{option}: '{text}' is not a date (expected yyyy-MM-dd).");
}
