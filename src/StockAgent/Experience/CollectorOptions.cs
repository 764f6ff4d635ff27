using StockAgent.Backtest;
using StockAgent.Rewards;

namespace StockAgent.Experience;

/// <summary>How episodes are run: initial equity 10,000 (the composite reward's P&amp;L scale), full position size,
/// 5 bp commission and 5 bp slippage by default; the reward function scores each episode.</summary>
public sealed record CollectorOptions
{
    public double InitialCash { get; init; } = 10_000;
    public double PositionSize { get; init; } = 1.0;
    public CostModel Costs { get; init; } = CostModel.FromBps(5, 5);
    public RewardFunction Reward { get; init; } = RewardFunctions.Composite;
    public string RewardName { get; init; } = "composite";
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
