namespace StockAgent.Experiments;

/// <summary>What <see cref="RobustnessRun.Run"/> measured for one model: every row (in group order: crisis, shock,
/// position size, stop loss, costs, seeds), the seeds' summary, the registry the rows were recorded in (null: none)
/// and how many were recorded, the market and split, notes, the resamples and seed, and the run time.</summary>
public sealed record RobustnessResult(
    string Model,
    string Kind,
    DataIdentity Data,
    string Split,
    IReadOnlyList<RobustnessRow> Rows,
    RobustnessSeedSummary Seeds,
    string? Registry,
    int Recorded,
    IReadOnlyList<string> Notes,
    int Resamples,
    int Seed,
    double Seconds)
{
    /// <summary>The groups in the order the rows come in.</summary>
    public IReadOnlyList<string> Groups => Rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
}
