using System.Globalization;

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

    /// <summary>Checks these settings and <see cref="Backtest"/>'s; an <see cref="ArgumentException"/> names the property.</summary>
    public void Validate()
    {
        Backtest.Validate();
        if (!(RebalanceTolerance >= 0) || !double.IsFinite(RebalanceTolerance))
            throw new ArgumentOutOfRangeException(nameof(RebalanceTolerance), string.Create(CultureInfo.InvariantCulture, $"{nameof(RebalanceTolerance)} must be a non-negative fraction of equity (got {RebalanceTolerance})."));
        if (From is { } f && To is { } t && f > t)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{nameof(From)} {f:yyyy-MM-dd} is after {nameof(To)} {t:yyyy-MM-dd}."), nameof(From));
    }
}
