using StockAgent.Statistics;

namespace StockAgent.Cli.Output;

/// <summary>Metrics as snake_case JSON fields; NaN and infinities become null.</summary>
public static class MetricsJson
{
    public static Dictionary<string, object?> From(PerformanceMetrics m) => new()
    {
        ["total_return"] = N(m.TotalReturn),
        ["cagr"] = N(m.Cagr),
        ["volatility"] = N(m.Volatility),
        ["sharpe"] = N(m.Sharpe),
        ["sortino"] = N(m.Sortino),
        ["max_drawdown"] = N(m.MaxDrawdown),
        ["max_drawdown_duration"] = m.MaxDrawdownDuration,
        ["calmar"] = N(m.Calmar),
        ["win_rate"] = N(m.WinRate),
        ["daily_hit_rate"] = N(m.DailyHitRate),
        ["profit_factor"] = N(m.ProfitFactor),
        ["average_win"] = N(m.AverageWin),
        ["average_loss"] = N(m.AverageLoss),
        ["expectancy"] = N(m.Expectancy),
        ["exposure"] = N(m.Exposure),
        ["turnover"] = N(m.Turnover),
        ["trades"] = m.Trades,
        ["final_equity"] = N(m.FinalEquity),
        ["days"] = m.Days,
    };

    private static double? N(double x) => double.IsFinite(x) ? x : null;
}
