using StockAgent.Agents;

namespace StockAgent.Backtest;

/// <summary>
/// Settings of a backtest. A decision's target exposure (a fraction of equity, signed) is multiplied by
/// <see cref="PositionSize"/> before it becomes shares. Stops are fractions of the entry price
/// (0.05 = exit 5% below a long entry); null disables them.
/// </summary>
public sealed record BacktestOptions
{
    public double InitialCash { get; init; } = 100_000;
    public double PositionSize { get; init; } = 0.95;
    public CostModel Costs { get; init; } = CostModel.Zero;
    public bool AllowShort { get; init; }
    public double? StopLoss { get; init; }
    public double? TakeProfit { get; init; }

    /// <summary>Closes any open position at the last bar's close (with costs) so every trade is counted.</summary>
    public bool CloseAtEnd { get; init; } = true;

    /// <summary>Risk-free rate, annual, for Sharpe and Sortino.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Keep the observation vector of every decision in the result (for trajectories).</summary>
    public bool RecordObservations { get; init; }

    public static BacktestOptions Default { get; } = new();

    public void Validate()
    {
        if (!(InitialCash > 0) || !double.IsFinite(InitialCash)) throw new ArgumentException($"--cash must be positive (got {InitialCash}).");
        if (!(PositionSize > 0 && PositionSize <= 1)) throw new ArgumentException($"--position-size must be in (0, 1] (got {PositionSize}).");
        if (StopLoss is { } sl && !(sl > 0 && sl < 1)) throw new ArgumentException($"--stop-loss must be in (0, 1) (got {sl}).");
        if (TakeProfit is { } tp && !(tp > 0)) throw new ArgumentException($"--take-profit must be positive (got {tp}).");
    }

    internal void CheckPolicy(IPolicy policy)
    {
        if (policy.Actions.AllowsShort && !AllowShort)
            throw new ArgumentException($"policy {policy.Id} can go short ({policy.Actions}) but shorting is not enabled.");
    }
}
