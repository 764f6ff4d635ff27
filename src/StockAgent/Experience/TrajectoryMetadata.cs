namespace StockAgent.Experience;

/// <summary>Where a trajectory comes from: symbol and sector, the window's first and last bar dates, its
/// regime label (e.g. "bull-high-vol") and realised volatility, the acting policy, its GRPO group (null when
/// not grouped), the batch it was stored in (0 before storing), its seed and quality flags (comma-separated).</summary>
public sealed record TrajectoryMetadata(
    string Symbol,
    string Sector,
    DateOnly Start,
    DateOnly End,
    string Regime,
    double RealizedVolatility,
    string PolicyId,
    string PolicyVersion,
    long? GroupId,
    long BatchId,
    int Seed,
    string QualityFlags = "");
