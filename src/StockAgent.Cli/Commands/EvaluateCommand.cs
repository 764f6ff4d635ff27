using System.CommandLine;
using System.Globalization;
using StockAgent.Evaluation;
using StockAgent.Backtest;
using StockAgent.Cli.Output;
using StockAgent.Experiments;
using StockAgent.IO;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent evaluate`: statistics with intervals and significance tests. Today's source is a return
/// series from anywhere (`--returns`); the options shared by every source (bootstrap, seed, trials, output) are
/// declared once, so another source adds its own options and one branch.</summary>
public static class EvaluateCommand
{
    private sealed record Shared(Option<int> Bootstrap, Option<int> Seed, Option<int?> Trials, Option<double?> TrialsVariance, Option<bool> Json, Option<string?> Out);

    /// <summary>The flag of each <see cref="EvaluationSettings"/> property, for its validation messages.</summary>
    private static readonly Dictionary<string, string> SettingFlags = new()
    {
        [nameof(EvaluationSettings.TestDays)] = "--test-days",
        [nameof(EvaluationSettings.From)] = "--from",
        [nameof(EvaluationSettings.To)] = "--to",
        [nameof(EvaluationSettings.Resamples)] = "--bootstrap",
    };

    public static Command Create()
    {
        var shared = new Shared(
            new Option<int>("--bootstrap") { Description = "Stationary-bootstrap resamples (also random-timing and Ledoit-Wolf resamples).", DefaultValueFactory = _ => 10_000 },
            new Option<int>("--seed") { Description = "Seed of every resampling (same seed, same numbers).", DefaultValueFactory = _ => 7 },
            new Option<int?>("--trials") { Description = "Number of configurations tried (for the deflated Sharpe ratio), with --trials-sharpe-variance." },
            new Option<double?>("--trials-sharpe-variance") { Description = "Variance across the trials of their annualised Sharpe ratios, with --trials." },
            new Option<bool>("--json") { Description = "Print the result as JSON." },
            new Option<string?>("--out") { Description = "Also write evaluation.json and evaluation.csv into this folder." });
        var returns = new Option<string?>("--returns") { Description = "CSV of daily simple returns: date,return[,benchmark][,exposure,asset_return]." };
        var trades = new Option<string?>("--trades") { Description = "CSV with a pnl column (closed trades' P&L after costs): win rate, profit factor, binomial test." };
        var models = new Option<string[]>("--models")
        {
            Description = "Models to score out of sample: model or run folders, globs ('rl:training_runs/rl_grpo_run_*/models'), " +
                          "ensemble:A,B, ensemble-mean:A,B, or baseline names; the baselines and the benchmark are always scored beside them.",
            AllowMultipleArgumentsPerToken = true,
        };
        var testDays = new Option<int?>("--test-days") { Description = "Trading days of the out-of-time test sets (default: the split's test period, 90 days)." };
        var from = new Option<string?>("--from") { Description = "Limit every test set to dates from this day (yyyy-MM-dd); features warm up on the bars before." };
        var to = new Option<string?>("--to") { Description = "Limit every test set to dates up to this day (yyyy-MM-dd)." };
        var inSample = new Option<bool>("--allow-in-sample") { Description = "Score on dates x symbols a model trained on anyway; its numbers are marked IN-SAMPLE." };
        var registry = new Option<string?>("--registry") { Description = "Experiment registry for the deflated Sharpe ratio's trial count (default: experiments.db beside the models' run folders)." };
        var commission = new Option<double>("--commission-bps") { Description = "Commission in basis points.", DefaultValueFactory = _ => CostModel.DefaultCommissionBps };
        var slippage = new Option<double>("--slippage-bps") { Description = "Slippage in basis points.", DefaultValueFactory = _ => CostModel.DefaultSlippageBps };
        var market = new MarketOptions();
        var command = new Command("evaluate", "Evaluate models and baselines out of sample, or any return series, with bootstrap 95% intervals, significance tests, PSR and the deflated Sharpe ratio.");
        foreach (var o in new Option[] { models, testDays, from, to, inSample, registry, commission, slippage, returns, trades, shared.Bootstrap, shared.Seed, shared.Trials, shared.TrialsVariance, shared.Json, shared.Out })
            command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var options = ParseShared(parse, shared);
            var named = parse.GetValue(models) ?? [];
            if (named.Length > 0 && parse.GetValue(returns) is not null) throw new ArgumentException("give either --models or --returns, not both.");
            if (parse.GetValue(returns) is { } returnsPath)
                return EvaluateReturns(parse, shared, options, returnsPath, parse.GetValue(trades));
            if (named.Length == 0) throw new ArgumentException("evaluate needs --models SPEC... (trained models and baselines) or --returns FILE.csv (columns date,return[,benchmark]).");
            if (options.Trials is not null) throw new ArgumentException("--trials is for --returns; with --models the trials come from the experiment registry (--registry).");
            var settings = new EvaluationSettings
            {
                Models = named,
                TestDays = parse.GetValue(testDays),
                From = CliFlags.Date(parse.GetValue(from), "--from"),
                To = CliFlags.Date(parse.GetValue(to), "--to"),
                AllowInSample = parse.GetValue(inSample),
                Resamples = options.Resamples,
                Seed = options.Seed,
                Registry = parse.GetValue(registry),
                Backtest = BacktestOptions.Default with
                {
                    InitialCash = PolicyTester.PortfolioCash,
                    Costs = new CostModel(CliFlags.For("--commission-bps", () => new BpsCommission(parse.GetValue(commission))),
                        CliFlags.For("--slippage-bps", () => new BpsSlippage(parse.GetValue(slippage)))),
                },
            };
            try
            {
                settings.Validate(); // before the market loads
            }
            catch (ArgumentException e)
            {
                throw FlagNames.Rename(e, SettingFlags);
            }
            return ModelEvaluationOutput.Run(parse, market, settings, parse.GetValue(shared.Json), parse.GetValue(shared.Out));
        });
        return command;
    }

    private static ReturnEvaluationOptions ParseShared(ParseResult parse, Shared shared)
    {
        int resamples = parse.GetValue(shared.Bootstrap);
        if (resamples < 1) throw new ArgumentException($"--bootstrap must be at least 1 (got {resamples}).");
        int? trials = parse.GetValue(shared.Trials);
        double? variance = parse.GetValue(shared.TrialsVariance);
        if (trials.HasValue != variance.HasValue)
            throw new ArgumentException("--trials and --trials-sharpe-variance go together: the deflated Sharpe ratio needs both.");
        if (trials is < 2) throw new ArgumentException($"--trials must be at least 2 (got {trials}).");
        if (variance is { } v && !(v >= 0 && double.IsFinite(v))) throw new ArgumentException($"--trials-sharpe-variance must be a number >= 0 (got {v.ToString(CultureInfo.InvariantCulture)}).");
        return new ReturnEvaluationOptions { Resamples = resamples, Seed = parse.GetValue(shared.Seed), Trials = trials, TrialSharpeVariance = variance };
    }

    private static int EvaluateReturns(ParseResult parse, Shared shared, ReturnEvaluationOptions options, string returnsPath, string? tradesPath)
    {
        var series = ReturnSeriesCsv.Read(returnsPath);
        var pnl = tradesPath is null ? null : TradePnlCsv.Read(tradesPath);
        var result = ReturnSeriesEvaluator.Evaluate(series, pnl, options);
        var json = ReturnEvaluationJson.Serialize(result);
        var o = parse.InvocationConfiguration.Output;
        bool asJson = parse.GetValue(shared.Json);
        ResultOutput.Emit(o, asJson, json, w => Print(w, Path.GetFileName(returnsPath), result), parse.GetValue(shared.Out), asJson ? _ => { } : o.WriteLine,
            ("evaluation.json", json + "\n"), ("evaluation.csv", ReturnEvaluationTable.ToCsv(result)));
        return 0;
    }

    private static void Print(TextWriter o, string name, ReturnEvaluation e)
    {
        var c = CultureInfo.InvariantCulture;
        string P(double x) => double.IsFinite(x) ? (x * 100).ToString("F1", c) + "%" : "-";
        string F(double x, int d = 2) => double.IsFinite(x) ? x.ToString("F" + d, c) : double.IsPositiveInfinity(x) ? "inf" : "-";
        o.WriteLine(string.Create(c, $"{name}: {e.Observations:N0} daily returns, {e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd}; {e.Resamples:N0} stationary-bootstrap resamples (mean block {F(e.MeanBlockLength, 1)} days), seed {e.Seed}"));
        o.WriteLine($"{"metric",-16} {"value",10} {"95% low",10} {"95% high",10}");
        void Row(string metric, double value, Statistics.ConfidenceInterval? ci, Func<double, string> f) =>
            o.WriteLine($"{metric,-16} {f(value),10} {(ci is { } i ? f(i.Low) : ""),10} {(ci is { } j ? f(j.High) : ""),10}");
        Row("sharpe", e.Sharpe, e.Ci95.Sharpe, x => F(x));
        Row("sortino", e.Sortino, null, x => F(x));
        Row("volatility", e.Volatility, null, P);
        Row("cagr", e.Cagr, e.Ci95.Cagr, P);
        Row("total return", e.TotalReturn, e.Ci95.TotalReturn, P);
        Row("max drawdown", e.MaxDrawdown, e.Ci95.MaxDrawdown, P);
        if (e.Trades > 0)
        {
            Row("win rate", e.WinRate, e.Ci95.WinRate, P);
            Row("profit factor", e.ProfitFactor, null, x => F(x));
        }
        o.WriteLine(string.Create(c, $"moments: skewness {F(e.Skewness)}, kurtosis {F(e.Kurtosis)} (raw, normal = 3); Sharpe standard error (annualised): Lo {F(e.SharpeSe.Lo)}, Mertens {F(e.SharpeSe.Mertens)}"));
        o.WriteLine(string.Create(c, $"PSR (Sharpe > 0): {F(e.Psr, 4)}; minimum track record at 95%: {(double.IsFinite(e.MinTrackRecordDays) ? Math.Ceiling(e.MinTrackRecordDays).ToString("N0", c) + " days" : "- (Sharpe <= 0)")}"));
        o.WriteLine(e.Deflation is { } d
            ? string.Create(c, $"DSR: {F(e.Dsr, 4)} ({d.Trials:N0} trials, variance of their annualised Sharpe {F(d.TrialSharpeVariance, 4)}, expected maximum Sharpe {F(d.ExpectedMaxSharpe)})")
            : "DSR: - (give --trials N --trials-sharpe-variance V)");
        if (e.SharpeDifference is { } s)
            o.WriteLine(string.Create(c, $"vs benchmark (Sharpe {F(s.BenchmarkSharpe)}): difference {F(s.Difference)}, Jobson-Korkie-Memmel z {F(s.Z)} p {F(s.PValue, 4)}, Ledoit-Wolf bootstrap p {F(s.BootstrapPValue, 4)} (block {s.BlockLength})"));
        if (e.Trades > 0)
            o.WriteLine(string.Create(c, $"trades: {e.Trades:N0}, win rate against 50%: exact binomial p {F(e.BinomialPValue, 4)}"));
        var mdd = e.MonteCarloMaxDrawdown;
        var fin = e.MonteCarloFinalReturn;
        o.WriteLine(string.Create(c, $"Monte Carlo ({mdd.Draws:N0} bootstrapped equity paths): max drawdown median {P(mdd.P50)} (5%..95%: {P(mdd.P05)}..{P(mdd.P95)}), final return median {P(fin.P50)} ({P(fin.P05)}..{P(fin.P95)})"));
        if (e.RandomTiming is { } rt)
            o.WriteLine(string.Create(c, $"random timing: p {F(rt.PValue, 4)} ({rt.Simulations:N0} random placements of the {rt.Trades:N0} trades, {rt.DaysInMarket:N0} days in the market; actual {P(rt.ActualReturn)}, random mean {P(rt.MeanRandomReturn)})"));
    }
}
