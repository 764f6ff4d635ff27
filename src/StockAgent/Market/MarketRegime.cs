namespace StockAgent.Market;

/// <summary>A market regime: trend x volatility, written like "bull-high-vol" or "sideways-low-vol".</summary>
public readonly record struct MarketRegime(TrendRegime Trend, VolatilityRegime Volatility)
{
    /// <summary>All six regimes, in a fixed order.</summary>
    public static IReadOnlyList<MarketRegime> All { get; } =
        [.. from t in Enum.GetValues<TrendRegime>() from v in Enum.GetValues<VolatilityRegime>() select new MarketRegime(t, v)];

    public override string ToString() => $"{Trend.ToString().ToLowerInvariant()}-{Volatility.ToString().ToLowerInvariant()}-vol";

    public static MarketRegime Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('-');
        if (parts.Length == 3 && parts[2] == "vol"
            && Enum.TryParse<TrendRegime>(parts[0], ignoreCase: true, out var trend)
            && Enum.TryParse<VolatilityRegime>(parts[1], ignoreCase: true, out var vol))
            return new MarketRegime(trend, vol);
        throw new FormatException($"'{text}' is not a regime; expected one of {string.Join(", ", All)}.");
    }
}
