namespace StockAgent.Backtest;

/// <summary>The costs of trading: a commission model and a slippage model.</summary>
public sealed record CostModel(ICommissionModel Commission, ISlippageModel Slippage)
{
    public static CostModel Zero { get; } = FromBps(0, 0);

    public static CostModel FromBps(double commissionBps, double slippageBps)
    {
        if (commissionBps < 0 || !double.IsFinite(commissionBps)) throw new ArgumentException($"--commission-bps must be a non-negative number (got {commissionBps}).");
        if (slippageBps < 0 || !double.IsFinite(slippageBps)) throw new ArgumentException($"--slippage-bps must be a non-negative number (got {slippageBps}).");
        return new CostModel(new BpsCommission(commissionBps), new BpsSlippage(slippageBps));
    }
}
