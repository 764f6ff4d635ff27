using StockAgent.Statistics;

namespace StockAgent.Backtest;

/// <summary>Metrics of backtest results (see <see cref="MetricsCalculator"/> for the definitions).</summary>
public static class BacktestMetrics
{
    public static PerformanceMetrics Metrics(this BacktestResult result, double riskFreeRate = 0) =>
        MetricsCalculator.Compute(result.Equity, result.Exposure, result.TradedNotional, TradePnl(result.Trades), riskFreeRate);

    public static PerformanceMetrics Metrics(this PortfolioResult result, double riskFreeRate = 0) =>
        MetricsCalculator.Compute(result.Equity, result.GrossExposure, result.TradedNotional, TradePnl(result.Trades), riskFreeRate);

    /// <summary>Each closed trade's P&amp;L after costs, in order.</summary>
    public static double[] TradePnl(IReadOnlyList<Trade> trades)
    {
        var pnl = new double[trades.Count];
        for (int i = 0; i < pnl.Length; i++) pnl[i] = trades[i].Pnl;
        return pnl;
    }
}
