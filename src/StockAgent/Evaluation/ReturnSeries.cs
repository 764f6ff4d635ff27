namespace StockAgent.Evaluation;

/// <summary>
/// A daily series of simple returns r_t = E_t / E_{t-1} - 1, treated as excess returns (risk-free rate 0), with
/// optional aligned columns: the benchmark's simple returns, and for the random-timing test the exposure held over
/// each return together with the traded asset's own return (both or neither).
/// </summary>
public sealed record ReturnSeries(DateOnly[] Dates, double[] Returns, double[]? Benchmark = null, double[]? Exposure = null, double[]? AssetReturns = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem: lengths, order of dates, values.</summary>
    public void Validate()
    {
        if (Returns.Length < 3) throw new ArgumentException($"a return series needs at least 3 returns, got {Returns.Length}.", nameof(Returns));
        if (Dates.Length != Returns.Length) throw new ArgumentException($"{Dates.Length} dates for {Returns.Length} returns.", nameof(Dates));
        foreach (var (column, values) in new[] { ("Benchmark", Benchmark), ("Exposure", Exposure), ("AssetReturns", AssetReturns) })
            if (values is not null && values.Length != Returns.Length)
                throw new ArgumentException($"{column} has {values.Length} values for {Returns.Length} returns.", column);
        if ((Exposure is null) != (AssetReturns is null))
            throw new ArgumentException("Exposure and AssetReturns go together (the random-timing test needs both).", Exposure is null ? nameof(Exposure) : nameof(AssetReturns));
        for (int i = 0; i < Returns.Length; i++)
        {
            if (i > 0 && Dates[i] <= Dates[i - 1])
                throw new ArgumentException($"dates must increase: {Dates[i]:yyyy-MM-dd} (row {i + 1}) follows {Dates[i - 1]:yyyy-MM-dd}.", nameof(Dates));
            CheckReturn(Returns[i], i, nameof(Returns));
            if (Benchmark is not null) CheckReturn(Benchmark[i], i, nameof(Benchmark));
            if (AssetReturns is not null) CheckReturn(AssetReturns[i], i, nameof(AssetReturns));
            if (Exposure is not null && !double.IsFinite(Exposure[i]))
                throw new ArgumentException($"exposure {Exposure[i]} on {Dates[i]:yyyy-MM-dd} is not a finite number.", nameof(Exposure));
        }
    }

    private void CheckReturn(double r, int i, string column)
    {
        if (!double.IsFinite(r) || r < -1)
            throw new ArgumentException($"{column}: {r} on {Dates[i]:yyyy-MM-dd} is not a simple return (a finite number >= -1).", column);
    }
}
