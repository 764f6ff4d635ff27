namespace StockAgent.Backtest;

/// <summary>
/// One symbol's backtest over bars [<see cref="StartBar"/>, StartBar + Days) of its series. Per bar i:
/// equity, cash and shares at the close, exposure (position value / equity, signed), and the decision
/// taken at that close (action index, target exposure, log-probability; the last bar takes none: -1).
/// <see cref="Observations"/> holds each decision's observation (Days x ObservationSize, row-major) when recorded.
/// </summary>
public sealed record BacktestResult(
    string Symbol,
    int StartBar,
    DateOnly[] Dates,
    double[] Equity,
    double[] Cash,
    double[] Shares,
    double[] Exposure,
    int[] Actions,
    double[] TargetExposure,
    double[] LogProbs,
    IReadOnlyList<Trade> Trades,
    double TradedNotional,
    double TotalCosts,
    double InitialCash,
    float[]? Observations,
    int ObservationSize)
{
    public int Days => Dates.Length;

    public double FinalEquity => Equity.Length == 0 ? InitialCash : Equity[^1];
}
