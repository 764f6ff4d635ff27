namespace StockAgent.Experiments;

/// <summary>One finished trial of a sweep: configuration <see cref="Configuration"/> (its index in
/// <see cref="SweepConfig.Expand"/>) trained with <see cref="Seed"/>: the SFT model it started from, the GRPO run, the
/// model it chose (GRPO's best, or the SFT model when GRPO did not beat it on validation) and that model's validation
/// metrics; seconds of training.</summary>
public sealed record SweepTrialResult(
    string Id,
    int Configuration,
    int Seed,
    IReadOnlyList<string> Overrides,
    string SftModel,
    string? GrpoRun,
    string Model,
    ValidationMetrics Validation,
    double Seconds);
