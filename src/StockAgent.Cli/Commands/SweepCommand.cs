using System.CommandLine;
using System.Globalization;
using StockAgent.Cli.Output;
using StockAgent.Experiments;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent sweep --config data/config/sweeps/NAME.yaml`: parses, runs (or resumes) a <see cref="SweepRun"/>, prints
/// every trial, the chosen configuration and its one scoring on the validation period and the test sets.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Sweep YAML (see data/config/sweeps/): the keys to search, how, and the seeds.", Required = true };
        var output = new Option<string?>("--out") { Description = "The sweep's folder (default: training_runs/sweeps/NAME); rerunning with the same folder resumes it." };
        var resamples = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the chosen configuration's intervals.", DefaultValueFactory = _ => 10_000 };
        var market = new MarketOptions();
        var command = new Command("sweep", "Run a registered sweep: train every configuration x seed (SFT, then GRPO), choose by validation, score the choice once on the test sets with its deflated Sharpe ratio.");
        foreach (var o in new Option[] { config, output, resamples }) command.Options.Add(o);
        market.AddTo(command);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            if (parse.GetValue(resamples) is < 1 or > 1_000_000) throw new ArgumentException("--bootstrap must be between 1 and 1,000,000.");
            var sweep = SweepConfig.Load(parse.GetValue(config)!);
            var dir = parse.GetValue(output) ?? Path.Combine("training_runs", "sweeps", sweep.Name);
            var context = market.Load(parse);
            o.WriteLine(context.ToString());
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep {sweep.Name}: {sweep.Expand().Count} configurations ({sweep.Search} over {string.Join(", ", sweep.Space.Select(d => $"{d.Key} x{d.Values.Count}"))}) x {sweep.Seeds.Count} seed(s) -> {Path.GetFullPath(dir)}"));
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (cancel.IsCancellationRequested) return; // a second Ctrl+C quits at once; rerunning resumes
                e.Cancel = true;
                cancel.Cancel();
                o.WriteLine("Ctrl+C: stopping after the current trial (Ctrl+C again quits at once; rerunning resumes)");
            };
            Console.CancelKeyPress += onCancel;
            SweepResult result;
            try
            {
                result = SweepRun.Run(context, sweep, new SweepSettings { Directory = dir, Resamples = parse.GetValue(resamples), Command = CliFlags.CommandText(parse) },
                    o.WriteLine, stopRequested: () => cancel.IsCancellationRequested);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            Print(o, sweep, result);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter o, SweepConfig sweep, SweepResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var s = result.State;
        var configurations = sweep.Expand();
        o.WriteLine();
        o.WriteLine($"{"trial",-10} {"val sharpe",10} {"b&h",6} {"trades",7} {"model",-5} configuration");
        foreach (var t in s.Trials.OrderByDescending(t => double.IsFinite(t.Validation.Sharpe) ? t.Validation.Sharpe : double.NegativeInfinity))
            o.WriteLine(string.Create(c, $"{t.Id,-10} {t.Validation.Sharpe,10:F2} {t.Validation.BuyAndHoldSharpe,6:F2} {t.Validation.Trades,7} {(t.Model == t.SftModel ? "sft" : "grpo"),-5} {SweepRun.Describe(t.Overrides.Skip(sweep.Fixed.Count).ToList())}"));
        o.WriteLine(string.Create(c, $"{s.Trials.Count} of {configurations.Count * sweep.Seeds.Count} trials finished, {s.Seconds / 60:F1} min of work"));
        if (result.Test is null) return;
        o.WriteLine($"chosen by validation: configuration {s.ChosenConfiguration} ({SweepRun.Describe(configurations[s.ChosenConfiguration!.Value])}) -> {s.Chosen}");
        o.WriteLine();
        o.WriteLine("validation period (it chose the configuration, so its numbers are optimistic):");
        ModelEvaluationOutput.Print(o, result.Validation!);
        o.WriteLine();
        o.WriteLine(result.ScoredNow ? "test sets (scored once, now):" : "test sets (scored once, earlier; read from the record):");
        ModelEvaluationOutput.Print(o, result.Test);
        o.WriteLine($"records: {Path.GetDirectoryName(s.TestEvaluation!)} and {Path.GetDirectoryName(s.ValidationEvaluation!)}");
    }
}
