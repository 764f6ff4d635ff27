namespace StockAgent.Market;

/// <summary>Direction of a market over a window (see <see cref="RegimeThresholds.Trend"/>).</summary>
public enum TrendRegime
{
    Bull,
    Bear,
    Sideways,
}
