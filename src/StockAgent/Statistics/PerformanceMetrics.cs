namespace StockAgent.Statistics;

/// <summary>
/// Summary statistics of one equity curve and its trades. Definitions are on <see cref="MetricsCalculator"/>;
/// NaN means "cannot be computed" (no trades, zero variance, too few days).
/// </summary>
public sealed record PerformanceMetrics(
    double TotalReturn,
    double Cagr,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    int MaxDrawdownDuration,
    double Calmar,
    double WinRate,
    double DailyHitRate,
    double ProfitFactor,
    double AverageWin,
    double AverageLoss,
    double Expectancy,
    double Exposure,
    double Turnover,
    int Trades,
    double FinalEquity,
    int Days);
