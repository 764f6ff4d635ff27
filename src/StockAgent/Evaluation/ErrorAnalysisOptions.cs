namespace StockAgent.Evaluation;

/// <summary>
/// Settings of an <see cref="ErrorAnalysis"/>: whipsaw horizon in trading days, how many losing trades to list, the
/// initial cash of each symbol's backtest (10,000, as in collection), the seed of the policy sessions (symbol k's
/// session gets <c>SeedMixer.Mix(Seed, k)</c>), and the look-backs of the causal labels at entry: the regime over the
/// last <see cref="RegimeLookback"/> bars (as <c>RegimeLabeler.LabelCausal</c>) and the realised volatility over the
/// last <see cref="VolatilityLookback"/> daily log returns.
/// </summary>
public sealed record ErrorAnalysisOptions
{
    public int WhipsawDays { get; init; } = 5;
    public int Top { get; init; } = 10;
    public double InitialCash { get; init; } = 10_000;
    public int Seed { get; init; } = 7;
    public int RegimeLookback { get; init; } = 60;
    public int VolatilityLookback { get; init; } = 20;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        if (WhipsawDays is < 0 or > 1000) throw new ArgumentException($"whipsaw days must be between 0 and 1,000 (got {WhipsawDays}).", nameof(WhipsawDays));
        if (Top is < 1 or > 100_000) throw new ArgumentException($"top must be between 1 and 100,000 (got {Top}).", nameof(Top));
        if (!(InitialCash > 0) || !double.IsFinite(InitialCash)) throw new ArgumentException("initial cash must be a positive number.", nameof(InitialCash));
        if (RegimeLookback < 3) throw new ArgumentException($"the regime look-back must be at least 3 bars (got {RegimeLookback}).", nameof(RegimeLookback));
        if (VolatilityLookback < 2) throw new ArgumentException($"the volatility look-back must be at least 2 returns (got {VolatilityLookback}).", nameof(VolatilityLookback));
    }
}
