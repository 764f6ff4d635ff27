namespace StockAgent.Market;

/// <summary>Realised volatility of a window against <see cref="RegimeThresholds.HighVolatility"/>.</summary>
public enum VolatilityRegime
{
    Low,
    High,
}
