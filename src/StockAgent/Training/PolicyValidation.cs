using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Statistics;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>Scores a policy on a date range (earlier bars serve as warm-up history only). A symbol-level policy: one
/// backtest per symbol, the mean Sharpe over symbols whose Sharpe is defined. A portfolio-level policy: one portfolio
/// backtest over the symbols, the Sharpe of its daily returns (annualised, sqrt(252)).</summary>
public static class PolicyValidation
{
    /// <summary>Initial cash of a validation or training portfolio (as the evaluation's): 1/N of it must buy whole shares
    /// of each of about a hundred symbols at real prices.</summary>
    public const double PortfolioCash = 1_000_000;

    public static double MeanSharpe(IPolicy policy, MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to,
        BacktestOptions? options = null, int seed = 0)
    {
        options ??= new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.FromBps(5, 5), AllowShort = policy.Actions.AllowsShort };
        var observations = MarketObservations.Of(market);
        var sharpes = new List<double>();
        foreach (var symbol in symbols)
        {
            var s = market[symbol];
            int start = s.IndexOnOrAfter(from), end = s.IndexOnOrAfter(to.AddDays(1)) - 1;
            if (end - start < 2) continue;
            var r = Backtester.Run(policy, s, options, start, end, seed, observations.For(symbol));
            double sharpe = r.Metrics().Sharpe;
            if (double.IsFinite(sharpe)) sharpes.Add(sharpe);
        }
        return sharpes.Count == 0 ? double.NaN : sharpes.Average();
    }

    /// <summary>The Sharpe of <paramref name="policy"/>'s portfolio over <paramref name="symbols"/> (those with a bar in
    /// the range) from <paramref name="from"/> to <paramref name="to"/>: <see cref="PortfolioCash"/>, 5 bp commission and
    /// 5 bp slippage, fills at the next open; NaN when no symbol has a bar in the range.</summary>
    public static double PortfolioSharpe(IPortfolioPolicy policy, MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to, int seed = 0)
    {
        var (series, sources) = Members(market, symbols, from, to);
        if (series.Count == 0) return double.NaN;
        return TorchThreads.One(() => PortfolioBacktester.Run(policy, series, Options(from, to, policy.AllowsShort), seed, sources).Metrics().Sharpe);
    }

    /// <summary>The Sharpe of the equal-weight buy-and-hold portfolio of <paramref name="symbols"/> over the range, with
    /// the same cash, fills and costs as <see cref="PortfolioSharpe"/>.</summary>
    public static double EqualWeightSharpe(MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to)
    {
        var (series, _) = Members(market, symbols, from, to);
        if (series.Count == 0) return double.NaN;
        return PortfolioBacktester.Run(new BuyAndHoldPolicy(), series, Options(from, to, false)).Metrics().Sharpe;
    }

    /// <summary>A trained model's validation score: <see cref="PortfolioSharpe"/> for a portfolio-level model,
    /// <see cref="MeanSharpe"/> otherwise.</summary>
    public static double Score(NeuralPolicy policy, MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to) =>
        PortfolioPolicy.Of(policy) is { } portfolio
            ? PortfolioSharpe(portfolio, market, symbols, from, to)
            : MeanSharpe(policy, market, symbols, from, to);

    /// <summary>Buy-and-hold's score to compare with <see cref="Score"/>: the equal-weight portfolio's Sharpe for a
    /// portfolio-level model, buy-and-hold's mean Sharpe per symbol otherwise.</summary>
    public static double BuyAndHoldScore(NeuralPolicy policy, MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to) =>
        policy.Metadata.Portfolio is not null
            ? EqualWeightSharpe(market, symbols, from, to)
            : MeanSharpe(new BuyAndHoldPolicy(), market, symbols, from, to);

    /// <summary>The portfolio backtest settings of validation and portfolio training episodes.</summary>
    public static PortfolioOptions Options(DateOnly from, DateOnly to, bool allowShort, bool recordObservations = false) => new()
    {
        Backtest = new BacktestOptions
        {
            InitialCash = PortfolioCash, PositionSize = 1, Costs = CostModel.FromBps(5, 5), AllowShort = allowShort, RecordObservations = recordObservations,
        },
        From = from,
        To = to,
    };

    /// <summary>The symbols with at least one bar in [from, to], and their observation sources.</summary>
    public static (List<PriceSeries> Series, List<IObservationSource> Sources) Members(MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to)
    {
        var observations = MarketObservations.Of(market);
        var series = new List<PriceSeries>();
        var sources = new List<IObservationSource>();
        foreach (var symbol in symbols)
        {
            var s = market[symbol];
            if (s.IndexOnOrAfter(from) > s.IndexOnOrAfter(to.AddDays(1)) - 1) continue;
            series.Add(s);
            sources.Add(observations.For(symbol));
        }
        return (series, sources);
    }
}
