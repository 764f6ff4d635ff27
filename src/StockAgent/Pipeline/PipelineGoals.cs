using StockAgent.Experiments;

namespace StockAgent.Pipeline;

/// <summary>The research plan's goals: trajectories collected, and the best model's validation Sharpe (annualised,
/// of its equal-weight portfolio) and win rate (closed trades with positive P&amp;L after costs), both strictly above.
/// A win rate counts only over at least <see cref="MinTrades"/> closed trades: one winning trade is 100% and no
/// evidence of anything.</summary>
public sealed record PipelineGoals(int Trajectories = 10_000, double Sharpe = 1.5, double WinRate = 0.55)
{
    public const int MinTrades = ModelSelection.MinTrades;

    /// <summary>True when every goal is met by these counts and validation metrics.</summary>
    public bool MetBy(long trajectories, ValidationMetrics? best) =>
        trajectories >= Trajectories && best is not null && best.Sharpe > Sharpe && best.WinRate > WinRate && best.Trades >= MinTrades;
}
