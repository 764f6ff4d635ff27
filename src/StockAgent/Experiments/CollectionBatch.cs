namespace StockAgent.Experiments;

/// <summary>One stored batch: its id in the library, trajectories, seed and wall time.</summary>
public sealed record CollectionBatch(long Id, int Trajectories, int Seed, double Seconds);
