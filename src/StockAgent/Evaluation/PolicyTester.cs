using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Evaluation;

/// <summary>
/// Runs a policy on a test set the way every evaluation does: one continuous backtest per symbol of the set over its
/// window (features warm up on the bars before it, every run starts flat, orders fill at the next open with the given
/// costs) and the same symbols as one equal-weight portfolio, with the market's observations, so a trained model and a
/// baseline are scored by the same code. The statistics are those of the portfolio's daily returns.
/// </summary>
public static class PolicyTester
{
    /// <summary>Initial cash of every evaluation portfolio: 1/N of it must buy whole shares of each symbol, so with 100
    /// symbols at real prices (some above 1,000 a share) 10,000 would leave many symbols unbought and the portfolio
    /// would not be the equal-weight one it claims to be; 1,000,000 gives about 10,000 a symbol.</summary>
    public const double PortfolioCash = Training.PolicyValidation.PortfolioCash;

    /// <summary>The result of <paramref name="policy"/> (named <paramref name="name"/>, of kind "model", "baseline", ...)
    /// on <paramref name="set"/>. The k-th symbol's session gets seed + k. A portfolio-level model
    /// (<see cref="PortfolioPolicy.Of"/>) is run as the portfolio it is, by the portfolio overload, wherever it is scored
    /// (validation, evaluation, robustness).</summary>
    public static PolicyTestResult Run(string name, string kind, IPolicy policy, MarketData market, TestSet set, BacktestOptions backtest, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(set);
        if (policy is NeuralPolicy neural && PortfolioPolicy.Of(neural) is { } portfolio) return Run(name, kind, portfolio, market, set, backtest, seed);
        var options = new PortfolioOptions { Backtest = backtest with { AllowShort = policy.Actions.AllowsShort }, From = set.From, To = set.To };
        var result = MarketBacktest.Run(policy, market, options, set.Symbols, seed, MarketObservations.Of(market));
        return new PolicyTestResult(name, kind, set, result, Returns(result, market), result.Portfolio.Trades.Select(t => t.Pnl).ToArray());
    }

    /// <summary>The result of the portfolio policy <paramref name="policy"/> on <paramref name="set"/>: one portfolio
    /// backtest of the set's symbols over its window with the same cash, fills and costs as every other candidate (no
    /// single-symbol runs, so no regime or sector slices).</summary>
    public static PolicyTestResult Run(string name, string kind, IPortfolioPolicy policy, MarketData market, TestSet set, BacktestOptions backtest, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(set);
        var options = new PortfolioOptions { Backtest = backtest with { AllowShort = policy.AllowsShort }, From = set.From, To = set.To };
        var result = MarketBacktest.Run(policy, market, options, set.Symbols, seed, MarketObservations.Of(market));
        return new PolicyTestResult(name, kind, set, result, Returns(result, market), result.Portfolio.Trades.Select(t => t.Pnl).ToArray());
    }

    /// <summary>The portfolio's daily simple returns r_i = E_i / E_(i-1) - 1 (i = 1..n-1, dated by day i), the
    /// benchmark's over the same days (its equity on the last day on or before each date; none without a benchmark), the
    /// gross exposure held over day i (that at day i-1's close) and the equal-weight mean of the symbols' close-to-close
    /// returns on day i (symbols without a bar that day left out; 0 when none has one).</summary>
    public static ReturnSeries Returns(MarketBacktestResult result, MarketData market)
    {
        var p = result.Portfolio;
        int n = p.Dates.Length - 1;
        if (n < 1) throw new ArgumentException($"the portfolio has {p.Dates.Length} day(s): a return series needs at least two.", nameof(result));
        var dates = p.Dates[1..];
        var returns = new double[n];
        var exposure = new double[n];
        for (int i = 0; i < n; i++)
        {
            returns[i] = p.Equity[i + 1] / p.Equity[i] - 1;
            exposure[i] = p.GrossExposure[i];
        }
        double[]? benchmark = result.Benchmark is { } b ? Aligned(b.Dates, b.Equity, p.Dates) : null;
        var asset = new double[n];
        var count = new int[n];
        foreach (var symbol in p.Symbols)
        {
            var s = market[symbol];
            int j = s.IndexOnOrAfter(p.Dates[0]);
            for (int i = 0; i < n && j < s.Count; i++)
            {
                while (j < s.Count && s.Dates[j] < dates[i]) j++;
                if (j < s.Count && j > 0 && s.Dates[j] == dates[i])
                {
                    asset[i] += s.Close[j] / s.Close[j - 1] - 1;
                    count[i]++;
                }
            }
        }
        for (int i = 0; i < n; i++) if (count[i] > 0) asset[i] /= count[i];
        return new ReturnSeries(dates, returns, benchmark, exposure, asset);
    }

    private static double[] Aligned(DateOnly[] dates, double[] equity, DateOnly[] on)
    {
        var r = new double[on.Length - 1];
        int j = 0;
        double previous = double.NaN;
        for (int i = 0; i < on.Length; i++)
        {
            while (j + 1 < dates.Length && dates[j + 1] <= on[i]) j++;
            double e = dates[j] <= on[i] ? equity[j] : equity[0];
            if (i > 0) r[i - 1] = e / previous - 1;
            previous = e;
        }
        return r;
    }
}
