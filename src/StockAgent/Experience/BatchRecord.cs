namespace StockAgent.Experience;

/// <summary>A stored batch.</summary>
public sealed record BatchRecord(long Id, DateTimeOffset Created, string PolicyId, string PolicyVersion, string RewardName, int Seed, int Trajectories);
