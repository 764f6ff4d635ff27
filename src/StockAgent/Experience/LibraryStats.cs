namespace StockAgent.Experience;

/// <summary>Totals and coverage of a library: counts per symbol, sector, regime and policy, the date range of
/// the windows, the reward distribution, the batches, the file's size in bytes (with its WAL) and how many trajectories
/// are flagged corrective (<see cref="TrajectoryQuery.CorrectiveFlag"/>).</summary>
public sealed record LibraryStats(
    int Trajectories,
    IReadOnlyDictionary<string, int> PerSymbol,
    IReadOnlyDictionary<string, int> PerSector,
    IReadOnlyDictionary<string, int> PerRegime,
    IReadOnlyDictionary<string, int> PerPolicy,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    RewardSummary Rewards,
    IReadOnlyList<BatchRecord> Batches,
    int Groups,
    long FileBytes,
    int Corrective = 0);
