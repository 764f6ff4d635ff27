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
        var result = MarketCsvLoader.LoadFolder(dataDirectory);
        var errors = result.AllIssues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidDataException($"--data {dataDirectory}: {errors.Count} error(s) in the market data, e.g. {string.Join("; ", errors.Take(3))}. Run `stockagent data validate {dataDirectory}` for the full list.");
        if (result.Data.Series.Count == 0)
            throw new InvalidDataException($"--data {dataDirectory}: no tradable symbols found.");
        return result.Data;
    }
}
