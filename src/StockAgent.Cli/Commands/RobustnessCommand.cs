using System.CommandLine;
using System.Globalization;
using StockAgent.Experiments;
using StockAgent.IO;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent robustness`: parses, runs <see cref="RobustnessRun"/>, prints one table per group (or the
/// JSON) and writes robustness.json and robustness.csv under --out.</summary>
public static class RobustnessCommand
{
    public static Command Create()
    {
        var defaults = new RobustnessSettings();
        var model = new Option<string?>("--model") { Description = "The model to stress: a model or run folder, model:PATH, ensemble:A,B, ensemble-mean:A,B, or a baseline name." };
        var seeds = new Option<int>("--seeds") { Description = "Policy sampling seeds tried on the test set (mean and standard deviation).", DefaultValueFactory = _ => defaults.Seeds };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Stationary-bootstrap resamples of each row's Sharpe interval.", DefaultValueFactory = _ => defaults.Resamples };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap and the first policy seed.", DefaultValueFactory = _ => defaults.Seed };
        var registry = new Option<string?>("--registry") { Description = "Experiment registry every configuration is recorded in (default: experiments.db beside the model's run folder)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var outDir = new Option<string?>("--out") { Description = "Also write robustness.json and robustness.csv into this folder." };
        var market = new MarketOptions();
        var command = new Command("robustness", "Stress one model: crisis windows on held-out symbols, synthetic shocks on a fresh market, position-size and stop-loss grids, costs x2 and x5, several seeds; every configuration recorded in the experiment registry.");
        foreach (var o in new Option[] { model, seeds, bootstrap, seed, registry, json, outDir }) command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var spec = parse.GetValue(model);
            if (string.IsNullOrWhiteSpace(spec)) throw new ArgumentException("robustness needs --model SPEC (a model or run folder, or a baseline name).");
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 1) throw new ArgumentException($"--bootstrap must be at least 1 (got {resamples}).");
            int n = parse.GetValue(seeds);
            if (n < 2) throw new ArgumentException($"--seeds must be at least 2 (got {n}).");
            var settings = new RobustnessSettings { Model = spec, Seeds = n, Resamples = resamples, Seed = parse.GetValue(seed), Registry = parse.GetValue(registry) };
            var o = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            Action<string> log = asJson ? parse.InvocationConfiguration.Error.WriteLine : o.WriteLine;
            var context = market.Load(parse);
            log(context.ToString());
            CliFlags.For("--model", () => CandidateResolver.Resolve([spec])); // a bad spec is bad input; a failure inside the run is not
            var result = RobustnessRun.Run(context, settings, log);
            var text = RobustnessJson.Serialize(result);
            ResultOutput.Emit(o, asJson, text, w => Print(w, result), parse.GetValue(outDir), log,
                ("robustness.json", text + "\n"), ("robustness.csv", RobustnessCsv.Write(result)));
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter o, RobustnessResult result)
    {
        var c = CultureInfo.InvariantCulture;
        string F(double x) => double.IsFinite(x) ? x.ToString("F2", c) : "-";
        string P(double x) => double.IsFinite(x) ? (x * 100).ToString("F1", c) + "%" : "-";
        foreach (var group in result.Groups)
        {
            o.WriteLine();
            o.WriteLine($"== {group}");
            o.WriteLine($"{"scenario",-48} {"sharpe [95%]",-20} {"total return",12} {"max drawdown",12} {"win rate",8} {"trades",6} {"exposure",8}  label");
            foreach (var r in result.Rows.Where(r => r.Group == group))
            {
                string name = r.Scenario.Length > 48 ? r.Scenario[..47] + "~" : r.Scenario;
                if (!r.InData)
                {
                    o.WriteLine($"{name,-48} {r.Note}  {r.Label}");
                    continue;
                }
                string ci = double.IsFinite(r.SharpeCi95.Low) ? $" [{F(r.SharpeCi95.Low)},{F(r.SharpeCi95.High)}]" : "";
                o.WriteLine($"{name,-48} {F(r.Sharpe) + ci,-20} {P(r.TotalReturn),12} {P(r.MaxDrawdown),12} {P(r.WinRate),8} {r.Trades,6} {P(r.Exposure),8}  {r.Label}");
            }
        }
        var s = result.Seeds;
        o.WriteLine();
        o.WriteLine(string.Create(c, $"seeds: {s.Seeds}, Sharpe mean {F(s.MeanSharpe)} sd {F(s.SdSharpe)}, total return mean {P(s.MeanTotalReturn)} sd {P(s.SdTotalReturn)}")
                    + (s.Deterministic ? " (the policy is deterministic: every seed gives the same result, sd 0)" : ""));
        foreach (var n in result.Notes) o.WriteLine("note: " + n);
        o.WriteLine(result.Registry is null
            ? "recorded 0 configurations (no experiment registry)"
            : string.Create(c, $"recorded {result.Recorded} configurations in {result.Registry} (kind robustness); {result.Resamples:N0} bootstrap resamples per interval, seed {result.Seed}; {result.Seconds:F1} s"));
    }
}
