namespace StockAgent.Statistics;

/// <summary>Settings of a stationary bootstrap: how many resamples, the seed, and the mean block length (null: chosen
/// by <see cref="BlockLengthSelector"/> from the data).</summary>
public sealed record BootstrapOptions
{
    public int Resamples { get; init; } = 10_000;

    public int Seed { get; init; } = 7;

    /// <summary>Mean block length in observations (at least 1); null picks the Politis-White stationary length.</summary>
    public double? MeanBlockLength { get; init; }

    public void Validate()
    {
        if (Resamples < 1) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Resamples must be at least 1.");
        if (MeanBlockLength is { } b && !(b >= 1 && double.IsFinite(b)))
            throw new ArgumentOutOfRangeException(nameof(MeanBlockLength), b, "MeanBlockLength must be a finite number of at least 1.");
    }
}
