namespace StockAgent.Market;

/// <summary>Labels windows of a price series with a <see cref="MarketRegime"/> (rules in <see cref="RegimeThresholds"/>).</summary>
public static class RegimeLabeler
{
    public const int TradingDaysPerYear = 252;

    /// <summary>Labels the finished window [start, endInclusive] (for trajectory metadata). Needs at least 3 bars.</summary>
    public static MarketRegime Label(PriceSeries series, int start, int endInclusive, RegimeThresholds? thresholds = null)
    {
        ValidateWindow(series, start, endInclusive);
        thresholds ??= RegimeThresholds.Default;
        double drift = AnnualisedDrift(series.Close, start, endInclusive);
        double vol = RealizedVolatility(series.Close, start, endInclusive);
        var trend = drift > thresholds.Trend ? TrendRegime.Bull : drift < -thresholds.Trend ? TrendRegime.Bear : TrendRegime.Sideways;
        var volatility = vol > thresholds.HighVolatility ? VolatilityRegime.High : VolatilityRegime.Low;
        return new MarketRegime(trend, volatility);
    }

    /// <summary>The regime as seen at bar t from the last <paramref name="lookback"/> bars (t - lookback + 1 .. t):
    /// reads nothing after t, so it can be a feature. Windows that start before bar 0 are cut at 0.</summary>
    public static MarketRegime LabelCausal(PriceSeries series, int t, int lookback = 60, RegimeThresholds? thresholds = null)
    {
        if (lookback < 3) throw new ArgumentOutOfRangeException(nameof(lookback), $"lookback must be at least 3 bars (got {lookback}).");
        return Label(series, Math.Max(0, t - lookback + 1), t, thresholds);
    }

    /// <summary>ln(close[end] / close[start]) x 252 / (end - start).</summary>
    public static double AnnualisedDrift(ReadOnlySpan<double> close, int start, int endInclusive) =>
        endInclusive <= start ? double.NaN : Math.Log(close[endInclusive] / close[start]) * TradingDaysPerYear / (endInclusive - start);

    /// <summary>Sample standard deviation (n - 1) of the daily log returns inside [start, endInclusive], x sqrt(252).
    /// NaN with fewer than two returns.</summary>
    public static double RealizedVolatility(ReadOnlySpan<double> close, int start, int endInclusive)
    {
        int n = endInclusive - start; // number of returns
        if (n < 2) return double.NaN;
        double mean = 0, m2 = 0;
        for (int i = 1; i <= n; i++)
        {
            double r = Math.Log(close[start + i] / close[start + i - 1]);
            double delta = r - mean;
            mean += delta / i;
            m2 += delta * (r - mean);
        }
        return Math.Sqrt(m2 / (n - 1) * TradingDaysPerYear);
    }

    private static void ValidateWindow(PriceSeries series, int start, int endInclusive)
    {
        if (start < 0 || endInclusive >= series.Count || endInclusive - start < 2)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"{series.Symbol}: window [{start}, {endInclusive}] must lie inside 0..{series.Count - 1} and span at least 3 bars.");
    }
}
