namespace StockAgent.Backtest;

/// <summary>
/// Portfolio settings on top of <see cref="BacktestOptions"/>: capital is split equally across the N
/// symbols, so a symbol's target weight is its policy's exposure x position size / N. A holding is only
/// traded when its weight differs from the target by more than <see cref="RebalanceTolerance"/> (absolute,
/// in fractions of equity), or when the target is zero, or its sign changes.
/// </summary>
public sealed record PortfolioOptions
{
    public BacktestOptions Backtest { get; init; } = BacktestOptions.Default;
    public double RebalanceTolerance { get; init; } = 0.005;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}
