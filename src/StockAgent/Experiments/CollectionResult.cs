using StockAgent.Experience;

namespace StockAgent.Experiments;

/// <summary>What a <see cref="CollectionRun"/> stored: the library, the policy, each batch, the library's totals after
/// it, and the wall time.</summary>
public sealed record CollectionResult(string Library, string PolicyId, string PolicyVersion, IReadOnlyList<CollectionBatch> Batches, LibraryStats Stats, double Seconds)
{
    public int Collected => Batches.Sum(b => b.Trajectories);
}
