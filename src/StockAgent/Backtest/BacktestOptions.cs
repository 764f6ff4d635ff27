using System.Globalization;
using StockAgent.Agents;

namespace StockAgent.Backtest;

/// <summary>
/// Settings of a backtest. A decision's target exposure (a fraction of equity, signed) is multiplied by
/// <see cref="PositionSize"/> before it becomes shares. Stops are fractions of the entry price
/// (0.05 = exit 5% below a long entry); null disables them. <see cref="Default"/> is the kit's one default execution.
/// </summary>
public sealed record BacktestOptions
{
    public double InitialCash { get; init; } = 100_000;
    public double PositionSize { get; init; } = 1.0;
    public CostModel Costs { get; init; } = CostModel.Default;
    public bool AllowShort { get; init; }
    public double? StopLoss { get; init; }
    public double? TakeProfit { get; init; }

    /// <summary>Closes any open position at the last bar's close (with costs) so every trade is counted.</summary>
    public bool CloseAtEnd { get; init; } = true;

    /// <summary>Risk-free rate, annual, for Sharpe and Sortino.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Keep the observation vector of every decision in the result (for trajectories).</summary>
    public bool RecordObservations { get; init; }

    /// <summary>The kit's default execution, which backtest, collection, validation and evaluation all start from:
    /// full position size (1.0), <see cref="CostModel.Default"/> (5 bp commission, 5 bp slippage), long only, no stops,
    /// close at the end; initial cash 100,000 (a caller may set its own, e.g. collection's 10,000).</summary>
    public static BacktestOptions Default { get; } = new();

    /// <summary>Checks every setting; an <see cref="ArgumentException"/> names the property that is wrong.</summary>
    public void Validate()
    {
        if (!(InitialCash > 0) || !double.IsFinite(InitialCash))
            throw new ArgumentOutOfRangeException(nameof(InitialCash), string.Create(CultureInfo.InvariantCulture, $"{nameof(InitialCash)} must be positive (got {InitialCash})."));
        if (!(PositionSize > 0 && PositionSize <= 1))
            throw new ArgumentOutOfRangeException(nameof(PositionSize), string.Create(CultureInfo.InvariantCulture, $"{nameof(PositionSize)} must be in (0, 1] (got {PositionSize})."));
        if (Costs is null) throw new ArgumentNullException(nameof(Costs), $"{nameof(Costs)} must be set (e.g. {nameof(CostModel)}.{nameof(CostModel.Zero)}).");
        if (StopLoss is { } sl && !(sl > 0 && sl < 1))
            throw new ArgumentOutOfRangeException(nameof(StopLoss), string.Create(CultureInfo.InvariantCulture, $"{nameof(StopLoss)} must be in (0, 1) (got {sl})."));
        if (TakeProfit is { } tp && !(tp > 0 && double.IsFinite(tp)))
            throw new ArgumentOutOfRangeException(nameof(TakeProfit), string.Create(CultureInfo.InvariantCulture, $"{nameof(TakeProfit)} must be positive (got {tp})."));
        if (!double.IsFinite(RiskFreeRate) || RiskFreeRate <= -1)
            throw new ArgumentOutOfRangeException(nameof(RiskFreeRate), string.Create(CultureInfo.InvariantCulture, $"{nameof(RiskFreeRate)} must be a finite annual rate above -1 (got {RiskFreeRate})."));
    }

    internal void CheckPolicy(IPolicy policy)
    {
        if (policy.Actions.AllowsShort && !AllowShort)
            throw new ArgumentException($"policy {policy.Id} can go short ({policy.Actions}) but shorting is not enabled ({nameof(AllowShort)}).", nameof(AllowShort));
    }
}
