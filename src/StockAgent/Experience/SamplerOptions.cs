using StockAgent.Market;

namespace StockAgent.Experience;

/// <summary>
/// How start states are drawn. Candidate windows start every <see cref="Stride"/> bars after
/// <see cref="WarmupBars"/> of history; each is labelled with its regime over the whole window. A draw picks a
/// regime with probability proportional to <see cref="RegimeWeights"/> (equal by default; regimes without
/// candidates are skipped), then a sector uniformly among those with candidates in it, then a window.
/// <see cref="GroupSize"/> &gt; 1 repeats each start state that many times under one group id (for GRPO).
/// <see cref="Slices"/>, when set, keeps only candidates whose (window regime, sector) is one of the given pairs
/// (corrective collection on the slices where a policy lost).
/// </summary>
public sealed record SamplerOptions
{
    public int Window { get; init; } = 60;
    public int Stride { get; init; } = 5;
    public int WarmupBars { get; init; } = 60;
    public int GroupSize { get; init; } = 1;
    public IReadOnlyDictionary<MarketRegime, double>? RegimeWeights { get; init; }
    public RegimeThresholds Thresholds { get; init; } = RegimeThresholds.Default;

    /// <summary>Only these (regime, sector) pairs; null: every pair.</summary>
    public IReadOnlyCollection<(MarketRegime Regime, string Sector)>? Slices { get; init; }

    public void Validate()
    {
        if (Window < 2) throw new ArgumentException($"window must be at least 2 bars (got {Window}).", nameof(Window));
        if (Stride < 1) throw new ArgumentException($"stride must be at least 1 (got {Stride}).");
        if (WarmupBars < 0) throw new ArgumentException($"warm-up must not be negative (got {WarmupBars}).");
        if (GroupSize < 1) throw new ArgumentException($"group size must be at least 1 (got {GroupSize}).", nameof(GroupSize));
        if (RegimeWeights is not null && (RegimeWeights.Values.Any(w => w < 0 || !double.IsFinite(w)) || RegimeWeights.Values.Sum() <= 0))
            throw new ArgumentException("regime weights must be non-negative with a positive sum.");
        if (Slices is { Count: 0 }) throw new ArgumentException("slices, when given, must name at least one (regime, sector) pair.", nameof(Slices));
    }
}
