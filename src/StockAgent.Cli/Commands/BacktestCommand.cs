using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Cli.Output;
using StockAgent.Statistics;
using StockAgent.IO;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent backtest`: a baseline strategy per symbol and as an equal-weight portfolio, against the benchmark.</summary>
public static class BacktestCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = $"One of {string.Join(", ", PolicyFactory.BaselineNames)}.", DefaultValueFactory = _ => "sma-crossover" };
        var fast = new Option<int>("--fast") { Description = "SMA crossover: fast window.", DefaultValueFactory = _ => 50 };
        var slow = new Option<int>("--slow") { Description = "SMA crossover: slow window.", DefaultValueFactory = _ => 200 };
        var lookback = new Option<int>("--lookback") { Description = "Momentum: lookback in bars.", DefaultValueFactory = _ => 60 };
        var hold = new Option<int>("--hold") { Description = "Momentum: bars between reviews.", DefaultValueFactory = _ => 20 };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (default: all)." };
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs (default: the synthetic market)." };
        var from = new Option<string?>("--from") { Description = "First date (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Last date (yyyy-MM-dd)." };
        var cash = new Option<double>("--cash") { Description = "Initial cash.", DefaultValueFactory = _ => 100_000 };
        var size = new Option<double>("--position-size") { Description = "Fraction of equity a full position uses, in (0, 1].", DefaultValueFactory = _ => 0.95 };
        var commission = new Option<double>("--commission-bps") { Description = "Commission in basis points of notional.", DefaultValueFactory = _ => 0 };
        var slippage = new Option<double>("--slippage-bps") { Description = "Slippage in basis points, against the trader.", DefaultValueFactory = _ => 0 };
        var stopLoss = new Option<double?>("--stop-loss") { Description = "Stop-loss as a fraction of the entry price (e.g. 0.05)." };
        var takeProfit = new Option<double?>("--take-profit") { Description = "Take-profit as a fraction of the entry price." };
        var shorting = new Option<bool>("--allow-short") { Description = "Let bearish signals go short." };
        var seed = new Option<int>("--seed") { Description = "Seed (random policy, synthetic market).", DefaultValueFactory = _ => 7 };
        var trades = new Option<string?>("--trades") { Description = "Write every trade to this CSV." };
        var equity = new Option<string?>("--equity") { Description = "Write the portfolio and benchmark equity curves to this CSV." };
        var json = new Option<bool>("--json") { Description = "Print metrics as JSON." };
        var command = new Command("backtest", "Backtest a baseline strategy on each symbol and as an equal-weight portfolio, with the benchmark's buy-and-hold.");
        foreach (var o in new Option[] { strategy, fast, slow, lookback, hold, symbols, data, from, to, cash, size, commission, slippage, stopLoss, takeProfit, shorting, seed, trades, equity, json })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var allowShort = parse.GetValue(shorting);
            var policy = PolicyFactory.Create(parse.GetValue(strategy)!, new BaselineParameters
            {
                Fast = parse.GetValue(fast),
                Slow = parse.GetValue(slow),
                Lookback = parse.GetValue(lookback),
                Hold = parse.GetValue(hold),
                Actions = allowShort ? ActionSpace.LongShort : ActionSpace.LongOnly,
            });
            var options = new BacktestOptions
            {
                InitialCash = parse.GetValue(cash),
                PositionSize = parse.GetValue(size),
                Costs = CostModel.FromBps(parse.GetValue(commission), parse.GetValue(slippage)),
                StopLoss = parse.GetValue(stopLoss),
                TakeProfit = parse.GetValue(takeProfit),
                AllowShort = allowShort,
            };
            options.Validate();
            DateOnly? first = ParseDate(parse.GetValue(from), "--from"), last = ParseDate(parse.GetValue(to), "--to");
            if (first is not null && last is not null && first > last)
                throw new ArgumentException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");

            var market = MarketSource.Load(parse.GetValue(data), new SyntheticMarketOptions { Seed = parse.GetValue(seed) });
            var chosen = ChooseSymbols(market, parse.GetValue(symbols));

            var perSymbol = new List<(string Name, BacktestResult Result)>();
            foreach (var s in chosen)
            {
                int start = first is { } f ? s.IndexOnOrAfter(f) : 0;
                int end = (last is { } l ? s.IndexOnOrAfter(l.AddDays(1)) : s.Count) - 1;
                if (end < start) continue;
                perSymbol.Add((s.Symbol, Backtester.Run(policy, s, options, start, end, parse.GetValue(seed))));
            }
            if (perSymbol.Count == 0)
                throw new ArgumentException($"no data for the chosen symbols between {first?.ToString("yyyy-MM-dd") ?? "the start"} and {last?.ToString("yyyy-MM-dd") ?? "the end"}.");
            var portfolio = PortfolioBacktester.Run(policy, chosen, new PortfolioOptions { Backtest = options, From = first, To = last }, parse.GetValue(seed));
            var portfolioMetrics = portfolio.Metrics();
            (string Name, PerformanceMetrics Metrics)? benchmark = null;
            if (market.Benchmark is { } b)
            {
                int bs = b.IndexOnOrAfter(portfolio.Dates[0]), be = b.IndexOnOrAfter(portfolio.Dates[^1].AddDays(1)) - 1;
                if (be > bs) benchmark = ($"{b.Symbol} (b&h)", Backtester.Run(new BuyAndHoldPolicy(), b, options with { AllowShort = false }, bs, be).Metrics());
            }

            if (parse.GetValue(trades) is { } tradesPath) WriteTrades(tradesPath, perSymbol.SelectMany(p => p.Result.Trades));
            if (parse.GetValue(equity) is { } equityPath) WriteEquity(equityPath, portfolio, market.Benchmark);

            if (parse.GetValue(json))
            {
                var doc = new Dictionary<string, object?>
                {
                    ["strategy"] = policy.Id,
                    ["parameters"] = policy.Version,
                    ["market"] = market.Source,
                    ["from"] = portfolio.Dates[0].ToString("yyyy-MM-dd"),
                    ["to"] = portfolio.Dates[^1].ToString("yyyy-MM-dd"),
                    ["symbols"] = perSymbol.ToDictionary(p => p.Name, p => (object?)MetricsJson.From(p.Result.Metrics())),
                    ["portfolio"] = MetricsJson.From(portfolioMetrics),
                    ["benchmark"] = benchmark is { } bm ? MetricsJson.From(bm.Metrics) : null,
                };
                o.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                o.WriteLine($"{policy.Id} ({policy.Version}) on {market.Source}, {portfolio.Dates[0]:yyyy-MM-dd}..{portfolio.Dates[^1]:yyyy-MM-dd}, " +
                            $"commission {parse.GetValue(commission)} bp, slippage {parse.GetValue(slippage)} bp");
                var rows = perSymbol.Select(p => (p.Name, p.Result.Metrics())).ToList();
                rows.Add(("PORTFOLIO", portfolioMetrics));
                if (benchmark is { } bm) rows.Add(bm);
                MetricsTable.Write(o, rows);
            }
            return 0;
        });
        return command;
    }

    private static List<PriceSeries> ChooseSymbols(MarketData market, string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return market.Universe.Select(u => market[u.Symbol]).ToList();
        var chosen = new List<PriceSeries>();
        foreach (var symbol in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!market.Series.TryGetValue(symbol.ToUpperInvariant(), out var s) && !market.Series.TryGetValue(symbol, out s))
                throw new ArgumentException($"--symbols: unknown symbol '{symbol}' in {market.Source} (it has e.g. {string.Join(", ", market.Series.Keys.Take(6))}).");
            chosen.Add(s);
        }
        return chosen;
    }

    private static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException($"{option}: '{text}' is not a date (expected yyyy-MM-dd).");
    }

    private static void WriteTrades(string path, IEnumerable<Trade> trades) =>
        AtomicFile.WriteText(path, w =>
        {
            using var csv = new CsvWriter(w, CultureInfo.InvariantCulture, leaveOpen: true);
            csv.WriteRecords(trades);
        });

    private static void WriteEquity(string path, PortfolioResult portfolio, PriceSeries? benchmark) =>
        AtomicFile.WriteText(path, w =>
        {
            using var csv = new CsvWriter(w, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in new[] { "date", "equity", "cash", "gross_exposure", "benchmark_close" }) csv.WriteField(h);
            csv.NextRecord();
            for (int i = 0; i < portfolio.Dates.Length; i++)
            {
                csv.WriteField(portfolio.Dates[i].ToString("yyyy-MM-dd"));
                csv.WriteField(portfolio.Equity[i]);
                csv.WriteField(portfolio.Cash[i]);
                csv.WriteField(portfolio.GrossExposure[i]);
                int b = benchmark?.IndexOnOrAfter(portfolio.Dates[i]) ?? -1;
                csv.WriteField(benchmark is not null && b < benchmark.Count && benchmark.Dates[b] == portfolio.Dates[i] ? benchmark.Close[b].ToString("R", CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        });
}
