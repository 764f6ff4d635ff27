using System.Globalization;

namespace StockAgent.Backtest;

/// <summary>The costs of trading: a commission model (fees) and a slippage model (fill prices), bundled for the
/// <see cref="ExecutionModel"/>.</summary>
public sealed record CostModel(ICommissionModel Commission, ISlippageModel Slippage)
{
    /// <summary>The kit's default commission, in basis points of traded notional.</summary>
    public const double DefaultCommissionBps = 5;

    /// <summary>The kit's default slippage, in basis points against the trader.</summary>
    public const double DefaultSlippageBps = 5;

    /// <summary>The largest commission or slippage accepted, in basis points (10%): more is a typo, and slippage of
    /// 100% or more would make sale prices zero or negative.</summary>
    public const double MaxBps = 1000;

    public static CostModel Zero { get; } = FromBps(0, 0);

    /// <summary>5 bp commission and 5 bp slippage: the costs <see cref="BacktestOptions.Default"/> starts from.</summary>
    public static CostModel Default { get; } = FromBps(DefaultCommissionBps, DefaultSlippageBps);

    /// <summary>Commission and slippage in basis points, each in [0, <see cref="MaxBps"/>].</summary>
    public static CostModel FromBps(double commissionBps, double slippageBps)
    {
        CheckBps(commissionBps, nameof(commissionBps));
        CheckBps(slippageBps, nameof(slippageBps));
        return new CostModel(new BpsCommission(commissionBps), new BpsSlippage(slippageBps));
    }

    internal static double CheckBps(double bps, string name) =>
        bps >= 0 && bps <= MaxBps
            ? bps
            : throw new ArgumentOutOfRangeException(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and {MaxBps:0} basis points (got {bps})."));
}
