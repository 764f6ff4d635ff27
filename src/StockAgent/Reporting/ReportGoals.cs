namespace StockAgent.Reporting;

/// <summary>The research plan's goals a benchmark report checks: trajectories collected (at least), and out of sample
/// on the headline test set an annualised Sharpe ratio, a win rate (closed trades with positive P&amp;L after costs), a
/// total return and a profit factor strictly above their targets and a maximum drawdown strictly below its own. The
/// plan's values are <see cref="Plan"/>. A win rate counts only over at least <see cref="MinTrades"/> closed trades
/// (as the pipeline's goals: one winning trade is 100% and no evidence of anything).</summary>
public sealed record ReportGoals(long Trajectories = 10_000, double Sharpe = 1.5, double WinRate = 0.55, double TotalReturn = 0.5,
    double MaxDrawdown = 0.15, double ProfitFactor = 2.0, int MinTrades = 30)
{
    public static ReportGoals Plan { get; } = new();
}
