using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Buy-and-hold of one symbol over an episode's bars, filled and charged as the episode: exposure 1 decided at the first
/// bar's close (whole shares of the equity x position size, within the cash), bought at the next bar's open with slippage
/// and commission, held (and stopped, with the options' stops) to the last bar, closed there with <see cref="BacktestOptions.CloseAtEnd"/>.
/// The same <see cref="BacktestStepper"/> as <see cref="Backtester.Run"/> of <see cref="BuyAndHoldPolicy"/>, without a policy
/// or observations, so it equals that backtest exactly at a fraction of its cost (the experience collector's benchmark).
/// </summary>
public static class BuyAndHoldBenchmark
{
    private static readonly PolicyDecision FullyInvested = new(0, 1.0, 1.0, 0.0);

    /// <summary>Bars [<paramref name="start"/>, <paramref name="endInclusive"/>] of <paramref name="series"/>.</summary>
    public static BacktestResult Run(PriceSeries series, BacktestOptions options, int start, int endInclusive)
    {
        options = options with { RecordObservations = false };
        options.Validate();
        var stepper = new BacktestStepper("buy-and-hold", series, options, start, endInclusive, null);
        while (stepper.Observe()) stepper.Apply(FullyInvested);
        return stepper.Result();
    }
}
