namespace StockAgent.Market;

/// <summary>A generated market with what generated it: the true market regime of every trading day.</summary>
public sealed record SyntheticMarketTruth(MarketData Data, MarketRegime[] DailyRegime);
