namespace StockAgent.Market;

/// <summary>Where commands get their market: a folder of CSVs when one is named, else the synthetic market.</summary>
public static class MarketSource
{
    public static MarketData Load(string? dataDirectory, SyntheticMarketOptions? synthetic = null)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
            return SyntheticMarket.Generate(synthetic ?? new SyntheticMarketOptions());
        if (!Directory.Exists(dataDirectory))
            throw new DirectoryNotFoundException($"--data: folder '{dataDirectory}' does not exist.");
        throw new NotSupportedException("Loading CSV folders lands with the market-data loader.");
    }
}
