using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Statistics;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>Scores a policy on a date range: one backtest per symbol (earlier bars serve as warm-up history only),
/// returning the mean Sharpe over symbols whose Sharpe is defined.</summary>
public static class PolicyValidation
{
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
}
