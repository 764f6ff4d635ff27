using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Daily-bar backtest of one policy on one symbol. At each bar t the policy decides from data up to t's
/// close. When its target exposure differs from the previous decision's, it becomes whole shares at t's
/// close (shares = floor(equity_t x exposure x position size / close_t)) and the order fills at bar t+1's
/// open with slippage and commission; an unchanged target keeps the shares held (no daily re-sizing).
/// Stops are checked on each later bar; after a stop the position stays flat until the target changes.
/// Nothing reads bar t+1 before the decision at t is taken. The bar logic lives in <see cref="BacktestStepper"/>, which
/// the experience collector also steps in lockstep for batch policies.
/// </summary>
public static class Backtester
{
    /// <summary>Runs bars [start, endInclusive] (default: the whole series).</summary>
    public static BacktestResult Run(IPolicy policy, PriceSeries series, BacktestOptions? options = null,
        int start = 0, int? endInclusive = null, int seed = 0, IObservationSource? observations = null)
    {
        options ??= BacktestOptions.Default;
        options.Validate();
        options.CheckPolicy(policy);
        var stepper = new BacktestStepper(policy.Id, series, options, start, endInclusive ?? series.Count - 1, observations);
        return stepper.Run(policy.Begin(series, seed));
    }
}
