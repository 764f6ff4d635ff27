namespace StockAgent.Backtest;

/// <summary>
/// Every decision of a portfolio policy's backtest (recorded when <see cref="BacktestOptions.RecordObservations"/> is
/// set), one step per (day, deciding symbol) in day order, then symbol order: the day (an index into the result's dates),
/// the symbol (an index into its symbols), the symbol's bar, the observation it decided from (steps x
/// <see cref="ObservationSize"/>, row-major), the action chosen with its log-probability, and the target weight.
/// </summary>
public sealed record PortfolioDecisions(
    int[] Day,
    int[] Symbol,
    int[] Bar,
    float[] Observations,
    int ObservationSize,
    int[] Action,
    double[] LogProb,
    double[] Weight)
{
    public int Steps => Day.Length;
}
