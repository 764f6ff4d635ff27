namespace StockAgent.Market;

/// <summary>Where commands get their market: a folder of CSVs when one is named, else the synthetic market.</summary>
public static class MarketSource
{
    /// <summary>
    /// The synthetic market when <paramref name="dataDirectory"/> is empty, else the folder's market
    /// (<see cref="MarketCsvLoader.LoadFolder"/>). A file with errors is left out with a warning naming it and its
    /// first error (to <paramref name="warning"/>, or standard error when that is null); the folder is refused
    /// (<see cref="InvalidDataException"/>) only when no tradable symbol is left, or when it has no CSV files or an
    /// unreadable universe.csv.
    /// </summary>
    public static MarketData Load(string? dataDirectory, SyntheticMarketOptions? synthetic = null, Action<string>? warning = null)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
            return SyntheticMarket.Generate(synthetic ?? new SyntheticMarketOptions());
        if (!Directory.Exists(dataDirectory))
            throw new DirectoryNotFoundException($"market data folder '{dataDirectory}' does not exist.");
        var result = MarketCsvLoader.LoadFolder(dataDirectory);
        if (result.Blocking.Count > 0)
            throw new InvalidDataException($"market data folder '{dataDirectory}' cannot be used: {result.Blocking[0]}.");
        if (result.Data.Series.Count == 0)
        {
            var why = result.LeftOut.Count > 0 ? $"; {string.Join("; ", result.LeftOut.Take(3))}" : "";
            throw new InvalidDataException($"market data folder '{dataDirectory}' has no usable tradable symbol{why}. `stockagent data validate {dataDirectory}` lists every issue.");
        }
        warning ??= message => Console.Error.WriteLine($"warning: {message}");
        foreach (var note in result.LeftOut)
            warning($"market data folder '{dataDirectory}': {note}");
        return result.Data;
    }
}
