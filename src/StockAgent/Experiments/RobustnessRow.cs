using StockAgent.Statistics;

namespace StockAgent.Experiments;

/// <summary>
/// One configuration <see cref="RobustnessRun"/> tried: its scenario and group ("crisis", "shock", "position size",
/// "stop loss", "costs", "seeds"), the label of its data (the guard's: "out-of-time", "out-of-symbol, in-time", a fresh
/// synthetic market), the window and symbols scored, and the equal-weight portfolio's numbers there: the annualised
/// Sharpe of its daily simple returns (sqrt(252) x mean / sample std) with a stationary-bootstrap 95% percentile interval
/// (<see cref="ConfidenceInterval.None"/> when the window is shorter than the settings' minimum), total return and max
/// drawdown of its equity, win rate and count of closed trades (P&amp;L after costs), and its mean gross exposure.
/// A row whose data is missing (a crisis window outside the market) has <see cref="Days"/> 0, NaN numbers and a
/// <see cref="Note"/> saying why.
/// </summary>
public sealed record RobustnessRow(
    string Scenario,
    string Group,
    string Label,
    DateOnly? From,
    DateOnly? To,
    int Symbols,
    int Days,
    double Sharpe,
    ConfidenceInterval SharpeCi95,
    double TotalReturn,
    double MaxDrawdown,
    double WinRate,
    int Trades,
    double Exposure,
    string? Note = null)
{
    public bool InData => Days > 0;

    /// <summary>A row for a scenario with no data.</summary>
    public static RobustnessRow Missing(string scenario, string group, string label, string note) =>
        new(scenario, group, label, null, null, 0, 0, double.NaN, ConfidenceInterval.None, double.NaN, double.NaN, double.NaN, 0, double.NaN, note);
}
