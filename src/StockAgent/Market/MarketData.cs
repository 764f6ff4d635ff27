namespace StockAgent.Market;

/// <summary>
/// A loaded market: the universe, one adjusted <see cref="PriceSeries"/> per symbol, and an optional
/// benchmark series (SPY for real data, the market index for the synthetic market).
/// </summary>
public sealed record MarketData(
    IReadOnlyList<SymbolInfo> Universe,
    IReadOnlyDictionary<string, PriceSeries> Series,
    PriceSeries? Benchmark,
    string Source)
{
    public IEnumerable<string> Symbols => Universe.Select(u => u.Symbol);

    public IEnumerable<string> Sectors => Universe.Select(u => u.Sector).Distinct(StringComparer.Ordinal);

    public string SectorOf(string symbol) =>
        Universe.FirstOrDefault(u => u.Symbol == symbol)?.Sector ?? "Unknown";

    /// <summary>The series of <paramref name="symbol"/>, or a clear error naming what is available.</summary>
    public PriceSeries this[string symbol] => Series.TryGetValue(symbol, out var s)
        ? s
        : throw new KeyNotFoundException($"Unknown symbol '{symbol}' in {Source}; it has {Series.Count} symbols, e.g. {string.Join(", ", Series.Keys.Take(5))}.");
}
