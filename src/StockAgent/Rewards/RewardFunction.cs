
namespace StockAgent.Rewards;

/// <summary>Maps an episode's stats to its reward. A plain delegate, so a notebook cell can write one inline:
/// <c>RewardFunction mine = s =&gt; s.Return - 0.5 * s.MaxDrawdown;</c></summary>
public delegate double RewardFunction(EpisodeStats stats);
