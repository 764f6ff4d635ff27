using System.Globalization;
using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// A policy over a market, the way `stockagent backtest` runs it: each chosen symbol alone over the date range, the same
/// symbols as an equal-weight portfolio (<see cref="PortfolioBacktester"/>), and the benchmark's buy-and-hold over the
/// portfolio's dates. The k-th symbol with data in the range gets seed + k in both its own run and the portfolio, so a stochastic
/// policy makes the same decisions in both. The strategy's settings (stops, sizing, costs, shorting) never touch the
/// benchmark: it runs with <see cref="BacktestOptions.Default"/> and the strategy's initial cash, so its final equity
/// compares with the portfolio's.
/// </summary>
public static class MarketBacktest
{
    /// <summary>Runs <paramref name="policy"/> on <paramref name="symbols"/> (default: the market's universe, in its
    /// order) of <paramref name="market"/> between <see cref="PortfolioOptions.From"/> and <see cref="PortfolioOptions.To"/>
    /// (inclusive, default: all dates); symbols without a bar in the range are left out.</summary>
    /// <param name="observations">The market's observations, for a policy that reads them (the neural agent); null
    /// for the baselines, which read the bars only.</param>
    public static MarketBacktestResult Run(IPolicy policy, MarketData market, PortfolioOptions? options = null,
        IReadOnlyList<string>? symbols = null, int seed = 0, MarketObservations? observations = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (checkedOptions, traded, sources) = Traded(market, options, symbols, observations);
        options = checkedOptions;
        var perSymbol = Backtester.RunMany(policy, traded.Select((x, k) => new BacktestRun(x.Series, x.Start, x.End, seed + k, sources?[k])).ToArray(), options.Backtest);
        if (perSymbol.Length == 0) throw NoData(options);
        var portfolio = PortfolioBacktester.Run(policy, traded.Select(x => x.Series).ToList(), options, seed, sources);
        return WithBenchmark(policy.Id, policy.Version, market, options, perSymbol, portfolio);
    }

    /// <summary>Runs the portfolio policy <paramref name="policy"/> on <paramref name="symbols"/> (default: the universe)
    /// between <see cref="PortfolioOptions.From"/> and <see cref="PortfolioOptions.To"/> with the benchmark's buy-and-hold,
    /// as <see cref="Run(IPolicy, MarketData, PortfolioOptions?, IReadOnlyList{string}?, int, MarketObservations?)"/> does;
    /// a portfolio policy has no single-symbol runs, so <see cref="MarketBacktestResult.Symbols"/> is empty.</summary>
    public static MarketBacktestResult Run(IPortfolioPolicy policy, MarketData market, PortfolioOptions? options = null,
        IReadOnlyList<string>? symbols = null, int seed = 0, MarketObservations? observations = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (checkedOptions, traded, sources) = Traded(market, options, symbols, observations);
        options = checkedOptions;
        if (traded.Count == 0) throw NoData(options);
        var portfolio = PortfolioBacktester.Run(policy, traded.Select(x => x.Series).ToList(), options, seed, sources);
        return WithBenchmark(policy.Id, policy.Version, market, options, [], portfolio);
    }

    /// <summary>The options (default when null) checked, and the chosen symbols with a bar in the range, with their first
    /// and last bar in it and their observation sources (null without observations).</summary>
    private static (PortfolioOptions Options, List<(PriceSeries Series, int Start, int End)> Traded, IObservationSource[]? Sources) Traded(MarketData market,
        PortfolioOptions? options, IReadOnlyList<string>? symbols, MarketObservations? observations)
    {
        ArgumentNullException.ThrowIfNull(market);
        options ??= new PortfolioOptions();
        options.Validate();
        var traded = new List<(PriceSeries Series, int Start, int End)>();
        foreach (var s in Choose(market, symbols))
        {
            int start = options.From is { } f ? s.IndexOnOrAfter(f) : 0;
            int end = (options.To is { } l ? s.IndexOnOrAfter(l.AddDays(1)) : s.Count) - 1;
            if (end >= start) traded.Add((s, start, end));
        }
        return (options, traded, observations is null ? null : traded.Select(x => observations.For(x.Series.Symbol)).ToArray());
    }

    private static ArgumentException NoData(PortfolioOptions options) => new(string.Create(CultureInfo.InvariantCulture,
        $"no data for the chosen symbols between {options.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the start"} and {options.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the end"}."),
        nameof(options));

    /// <summary>The result with the benchmark's buy-and-hold over the portfolio's dates (default execution, the strategy's cash).</summary>
    private static MarketBacktestResult WithBenchmark(string id, string version, MarketData market, PortfolioOptions options,
        IReadOnlyList<BacktestResult> perSymbol, PortfolioResult portfolio)
    {
        var benchmarkOptions = BacktestOptions.Default with { InitialCash = options.Backtest.InitialCash };
        BacktestResult? benchmark = null;
        if (market.Benchmark is { } b)
        {
            int bs = b.IndexOnOrAfter(portfolio.Dates[0]), be = b.IndexOnOrAfter(portfolio.Dates[^1].AddDays(1)) - 1;
            if (be > bs) benchmark = Backtester.Run(new BuyAndHoldPolicy(), b, benchmarkOptions, bs, be);
        }
        return new MarketBacktestResult(id, version, market.Source, perSymbol, portfolio, benchmark, benchmarkOptions);
    }

    private static List<PriceSeries> Choose(MarketData market, IReadOnlyList<string>? symbols)
    {
        if (symbols is null || symbols.Count == 0) return market.Universe.Select(u => market[u.Symbol]).ToList();
        var chosen = new List<PriceSeries>();
        foreach (var symbol in symbols)
        {
            if (!market.Series.TryGetValue(symbol, out var s) && !market.Series.TryGetValue(symbol.ToUpperInvariant(), out s))
                throw new ArgumentException($"unknown symbol '{symbol}' in {market.Source} (it has e.g. {string.Join(", ", market.Series.Keys.Take(6))}).", nameof(symbols));
            if (chosen.Contains(s)) throw new ArgumentException($"symbol '{symbol}' is listed twice.", nameof(symbols));
            chosen.Add(s);
        }
        return chosen;
    }
}
