using StockAgent.Rewards;
namespace StockAgent.Experience;

/// <summary>A stored trajectory without its steps (metadata queries never decode step data).</summary>
public sealed record TrajectorySummary(long Id, TrajectoryMetadata Metadata, EpisodeStats Stats, double Reward, int Steps);
