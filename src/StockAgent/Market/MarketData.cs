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

    /// <summary>The symbols whose prices form the market's aggregates (the equal-weight index used when there is no
    /// benchmark, and the sector means of relative strength); every symbol when null. Training on a split sets it to
    /// the training symbols (<see cref="WithIndexMembers"/>), so held-out symbols leave no trace in any feature.</summary>
    public IReadOnlySet<string>? IndexMembers { get; init; }

    /// <summary>This market with <paramref name="symbols"/> as its <see cref="IndexMembers"/>.</summary>
    public MarketData WithIndexMembers(IEnumerable<string> symbols)
    {
        var members = new HashSet<string>(symbols, StringComparer.Ordinal);
        if (members.Count == 0) throw new ArgumentException("the market's aggregates need at least one member symbol.", nameof(symbols));
        var unknown = members.FirstOrDefault(m => !Series.ContainsKey(m));
        if (unknown is not null) throw new KeyNotFoundException($"Unknown symbol '{unknown}' in {Source}; index members must be symbols of the market.");
        return this with { IndexMembers = members };
    }

    /// <summary>True when <paramref name="symbol"/> takes part in the market's aggregates.</summary>
    public bool IsIndexMember(string symbol) => IndexMembers is null || IndexMembers.Contains(symbol);

    public IEnumerable<string> Sectors => Universe.Select(u => u.Sector).Distinct(StringComparer.Ordinal);

    public string SectorOf(string symbol) =>
        Universe.FirstOrDefault(u => u.Symbol == symbol)?.Sector ?? "Unknown";

    /// <summary>The series of <paramref name="symbol"/>, or a clear error naming what is available.</summary>
    public PriceSeries this[string symbol] => Series.TryGetValue(symbol, out var s)
        ? s
        : throw new KeyNotFoundException($"Unknown symbol '{symbol}' in {Source}; it has {Series.Count} symbols, e.g. {string.Join(", ", Series.Keys.Take(5))}.");
}
