using StockAgent.Backtest;

namespace StockAgent.Evaluation;

/// <summary>Metrics of backtest results (see <see cref="MetricsCalculator"/> for the definitions).</summary>
public static class BacktestMetrics
{
    public static PerformanceMetrics Metrics(this BacktestResult result, double riskFreeRate = 0) =>
        MetricsCalculator.Compute(result.Equity, result.Exposure, result.TradedNotional, result.Trades, riskFreeRate);

    public static PerformanceMetrics Metrics(this PortfolioResult result, double riskFreeRate = 0) =>
        MetricsCalculator.Compute(result.Equity, result.GrossExposure, result.TradedNotional, result.Trades, riskFreeRate);
}
