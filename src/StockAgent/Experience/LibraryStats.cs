namespace StockAgent.Experience;

/// <summary>Totals and coverage of a library: counts per symbol, sector, regime and policy, the date range of
/// the windows, the reward distribution, the batches and the file's size in bytes (with its WAL).</summary>
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
    long FileBytes);
