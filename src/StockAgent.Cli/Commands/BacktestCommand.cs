using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Cli.Output;
using StockAgent.IO;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent backtest`: parses, runs <see cref="MarketBacktest"/>, prints.</summary>
public static class BacktestCommand
{
    /// <summary>What the table's and the JSON's trade counts are.</summary>
    public const string TradesCounted =
        "trades are closed round trips (opened from flat or by a reversal, closed to flat or by a reversal), P&L after costs; " +
        "a position open at the end is closed at the last close and counts";

    /// <summary>The library's parameter names and the flags that set them.</summary>
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [nameof(BacktestOptions.InitialCash)] = "--cash",
        [nameof(BacktestOptions.PositionSize)] = "--position-size",
        [nameof(BacktestOptions.StopLoss)] = "--stop-loss",
        [nameof(BacktestOptions.TakeProfit)] = "--take-profit",
        [nameof(BacktestOptions.AllowShort)] = "--allow-short",
        ["commissionBps"] = "--commission-bps",
        ["slippageBps"] = "--slippage-bps",
        ["fast"] = "--fast",
        ["slow"] = "--slow",
        ["lookback"] = "--lookback",
        ["hold"] = "--hold",
        ["symbols"] = "--symbols",
    };

    public static Command Create()
    {
        var defaults = BacktestOptions.Default;
        var baseline = new BaselineParameters();
        var strategy = new Option<string>("--strategy") { Description = $"One of {string.Join(", ", PolicyFactory.BaselineNames)}.", DefaultValueFactory = _ => "sma-crossover" };
        var fast = new Option<int>("--fast") { Description = "SMA crossover: fast window.", DefaultValueFactory = _ => baseline.Fast };
        var slow = new Option<int>("--slow") { Description = "SMA crossover: slow window.", DefaultValueFactory = _ => baseline.Slow };
        var lookback = new Option<int>("--lookback") { Description = "Momentum: lookback in bars.", DefaultValueFactory = _ => baseline.Lookback };
        var hold = new Option<int>("--hold") { Description = "Momentum: bars between reviews.", DefaultValueFactory = _ => baseline.Hold };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (default: all)." };
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs (default: the synthetic market)." };
        var from = new Option<string?>("--from") { Description = "First date (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Last date (yyyy-MM-dd)." };
        var cash = new Option<double>("--cash") { Description = "Initial cash (each symbol's own run, the portfolio, the benchmark).", DefaultValueFactory = _ => defaults.InitialCash };
        var size = new Option<double>("--position-size") { Description = "Fraction of equity a full position uses, in (0, 1].", DefaultValueFactory = _ => defaults.PositionSize };
        var commission = new Option<double>("--commission-bps") { Description = $"Commission in basis points of notional, 0 to {CostModel.MaxBps:0}.", DefaultValueFactory = _ => CostModel.DefaultCommissionBps };
        var slippage = new Option<double>("--slippage-bps") { Description = $"Slippage in basis points against the trader, 0 to {CostModel.MaxBps:0}.", DefaultValueFactory = _ => CostModel.DefaultSlippageBps };
        var stopLoss = new Option<double?>("--stop-loss") { Description = "Stop-loss as a fraction of the entry price (e.g. 0.05); the benchmark never has one." };
        var takeProfit = new Option<double?>("--take-profit") { Description = "Take-profit as a fraction of the entry price." };
        var shorting = new Option<bool>("--allow-short") { Description = "Let bearish signals go short." };
        var volTarget = new Option<double?>("--vol-target") { Description = "Size each exposure to this annualised volatility: x min(1, target / realised volatility of the last 20 daily log returns); none by default." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random policy (symbol k gets seed + k).", DefaultValueFactory = _ => 7 };
        var marketSeed = new Option<int>("--market-seed") { Description = "Seed of the synthetic market; separate from --seed.", DefaultValueFactory = _ => new SyntheticMarketOptions().Seed };
        var trades = new Option<string?>("--trades") { Description = "Write every trade to this CSV: each symbol's own run (run=single) and the portfolio's (run=portfolio)." };
        var equity = new Option<string?>("--equity") { Description = "Write the portfolio and benchmark equity curves to this CSV." };
        var json = new Option<bool>("--json") { Description = "Print metrics as JSON." };
        var command = new Command("backtest", "Backtest a baseline strategy on each symbol and as an equal-weight portfolio, with the benchmark's buy-and-hold.");
        foreach (var o in new Option[] { strategy, fast, slow, lookback, hold, symbols, data, from, to, cash, size, commission, slippage, stopLoss, takeProfit, shorting, volTarget, seed, marketSeed, trades, equity, json })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            DateOnly? first = CliFlags.Date(parse.GetValue(from), "--from"), last = CliFlags.Date(parse.GetValue(to), "--to");
            if (first is not null && last is not null && first > last)
                throw new ArgumentException(Invariant($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}."));
            bool allowShort = parse.GetValue(shorting);
            MarketBacktestResult result;
            try
            {
                IPolicy policy = PolicyFactory.Create(parse.GetValue(strategy)!, new BaselineParameters
                {
                    Fast = parse.GetValue(fast),
                    Slow = parse.GetValue(slow),
                    Lookback = parse.GetValue(lookback),
                    Hold = parse.GetValue(hold),
                    Actions = allowShort ? ActionSpace.LongShort : ActionSpace.LongOnly,
                });
                if (parse.GetValue(volTarget) is { } target)
                {
                    if (!(double.IsFinite(target) && target > 0))
                        throw new ArgumentException(Invariant($"--vol-target must be a positive annualised volatility such as 0.15 (got {target})."));
                    policy = new VolatilityTargetedPolicy(policy, new VolatilityTarget(target));
                }
                var options = new PortfolioOptions
                {
                    Backtest = BacktestOptions.Default with
                    {
                        InitialCash = parse.GetValue(cash),
                        PositionSize = parse.GetValue(size),
                        Costs = CostModel.FromBps(parse.GetValue(commission), parse.GetValue(slippage)),
                        StopLoss = parse.GetValue(stopLoss),
                        TakeProfit = parse.GetValue(takeProfit),
                        AllowShort = allowShort,
                    },
                    From = first,
                    To = last,
                };
                options.Validate(); // before the market loads
                var market = MarketSource.Load(parse.GetValue(data), new SyntheticMarketOptions { Seed = parse.GetValue(marketSeed) });
                var chosen = parse.GetValue(symbols)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                result = MarketBacktest.Run(policy, market, options, chosen, parse.GetValue(seed));
            }
            catch (ArgumentException e)
            {
                throw FlagNames.Rename(e, Flags);
            }

            if (parse.GetValue(trades) is { } tradesPath) WriteTrades(tradesPath, result);
            if (parse.GetValue(equity) is { } equityPath) WriteEquity(equityPath, result);
            if (parse.GetValue(json)) o.WriteLine(Json(result));
            else
            {
                o.WriteLine(Invariant($"{result.PolicyId} ({result.PolicyVersion}) on {result.Market}, {result.From:yyyy-MM-dd}..{result.To:yyyy-MM-dd}, commission {parse.GetValue(commission)} bp, slippage {parse.GetValue(slippage)} bp"));
                MetricsTable.Write(o, Rows(result));
                foreach (var line in Notes(result)) o.WriteLine(line);
            }
            return 0;
        });
        return command;
    }

    /// <summary>What the rows are and what their trade counts count; why the portfolio's count can differ from the rows'.</summary>
    internal static IEnumerable<string> Notes(MarketBacktestResult r)
    {
        yield return $"Each symbol row runs alone with the whole cash; PORTFOLIO splits it equally over {r.Symbols.Count} symbols; " +
                     "the benchmark is buy-and-hold with the kit's default execution (no strategy option applies to it).";
        int single = r.Symbols.Sum(s => s.Trades.Count), portfolio = r.Portfolio.Trades.Count;
        string agreement = single == portfolio
            ? "the same count"
            : "they differ where the portfolio cannot place a symbol's order: a 1/N share of equity may buy no whole share, or cash may run short";
        yield return $"Trades: {single} across the symbol rows, {portfolio} in the portfolio ({agreement}); {TradesCounted}.";
    }

    private static List<(string Name, StockAgent.Statistics.PerformanceMetrics Metrics)> Rows(MarketBacktestResult r)
    {
        var rows = r.Symbols.Select(s => (s.Symbol, s.Metrics())).ToList();
        rows.Add(("PORTFOLIO", r.Portfolio.Metrics()));
        if (r.Benchmark is { } b) rows.Add(($"{b.Symbol} (b&h)", b.Metrics()));
        return rows;
    }

    private static string Json(MarketBacktestResult r)
    {
        var doc = new Dictionary<string, object?>
        {
            ["strategy"] = r.PolicyId,
            ["parameters"] = r.PolicyVersion,
            ["market"] = r.Market,
            ["from"] = r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["symbols"] = r.Symbols.ToDictionary(s => s.Symbol, s => (object?)MetricsJson.From(s.Metrics())),
            ["portfolio"] = MetricsJson.From(r.Portfolio.Metrics()),
            ["benchmark_symbol"] = r.Benchmark?.Symbol,
            ["benchmark"] = r.Benchmark is { } b ? MetricsJson.From(b.Metrics()) : null,
            ["trades_counted"] = TradesCounted,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every trade of each symbol's own run (run=single) and of the portfolio (run=portfolio): ISO dates,
    /// numbers round-trippable in the invariant culture.</summary>
    private static void WriteTrades(string path, MarketBacktestResult result) =>
        AtomicFile.WriteText(path, w =>
        {
            using var csv = new CsvWriter(w, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in new[] { "Symbol", "Side", "EntryDate", "EntryPrice", "ExitDate", "ExitPrice", "Shares", "Pnl", "Return", "HoldingBars", "ExitReason", "Run" })
                csv.WriteField(h);
            csv.NextRecord();
            var all = result.Symbols.SelectMany(s => s.Trades.Select(t => (Trade: t, Run: "single")))
                .Concat(result.Portfolio.Trades.Select(t => (Trade: t, Run: "portfolio")));
            foreach (var (t, run) in all)
            {
                csv.WriteField(t.Symbol);
                csv.WriteField(t.Side.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(t.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(t.EntryPrice.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(t.ExitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(t.ExitPrice.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(t.Shares.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(t.Pnl.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(t.Return.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(t.HoldingBars.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(t.ExitReason);
                csv.WriteField(run);
                csv.NextRecord();
            }
        });

    private static void WriteEquity(string path, MarketBacktestResult result) =>
        AtomicFile.WriteText(path, w =>
        {
            var (portfolio, benchmark) = (result.Portfolio, result.Benchmark);
            using var csv = new CsvWriter(w, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in new[] { "date", "equity", "cash", "gross_exposure", "benchmark_equity" }) csv.WriteField(h);
            csv.NextRecord();
            int j = 0;
            for (int i = 0; i < portfolio.Dates.Length; i++)
            {
                var date = portfolio.Dates[i];
                csv.WriteField(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(portfolio.Equity[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(portfolio.Cash[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(portfolio.GrossExposure[i].ToString("R", CultureInfo.InvariantCulture));
                while (benchmark is not null && j < benchmark.Days && benchmark.Dates[j] < date) j++;
                csv.WriteField(benchmark is not null && j < benchmark.Days && benchmark.Dates[j] == date
                    ? benchmark.Equity[j].ToString("R", CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        });
}
