using StockAgent.IO;

namespace StockAgent.Market;

/// <summary>
/// Downloads daily bars from Stooq (<c>{base}/q/d/l/?s={symbol}.us&amp;i=d</c>, CSV
/// <c>Date,Open,High,Low,Close,Volume</c>), validates each file with <see cref="MarketCsvLoader"/> before it
/// is written (atomically) as <c>DIR/SYMBOL.csv</c>, and lists new symbols in <c>DIR/universe.csv</c>
/// with sector "Unknown". Stooq's prices are split-adjusted already.
/// </summary>
public sealed class StooqDownloader(HttpClient http, string baseUrl = StooqDownloader.DefaultBaseUrl)
{
    public const string DefaultBaseUrl = "https://stooq.com";

    public async Task<CsvFileReport> DownloadAsync(string symbol, string outputDirectory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Any(c => !char.IsLetterOrDigit(c) && c is not '.' and not '-'))
            throw new ArgumentException($"--symbols: '{symbol}' is not a ticker symbol.");
        var ticker = symbol.Contains('.') ? symbol.ToLowerInvariant() : symbol.ToLowerInvariant() + ".us";
        var url = $"{baseUrl.TrimEnd('/')}/q/d/l/?s={Uri.EscapeDataString(ticker)}&i=d";
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new IOException($"{symbol}: {url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart().StartsWith("No data", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{symbol}: Stooq has no data for '{ticker}'.");

        Directory.CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, $".{symbol.ToUpperInvariant()}.download.csv");
        try
        {
            await File.WriteAllTextAsync(staging, body, cancellationToken).ConfigureAwait(false);
            var report = MarketCsvLoader.LoadFile(staging);
            var errors = report.Issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
            if (report.Series is null)
                throw new InvalidDataException($"{symbol}: the download from {url} is not valid daily data: {string.Join("; ", errors.Take(3).Select(e => e.Message))}");
            var target = Path.Combine(outputDirectory, symbol.ToUpperInvariant() + ".csv");
            AtomicFile.WriteAllText(target, body);
            return report with { File = Path.GetFileName(target), Symbol = symbol.ToUpperInvariant(), Series = report.Series };
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>Adds <paramref name="symbols"/> missing from DIR/universe.csv (sector Unknown), keeping the rows it has.</summary>
    public static void UpdateUniverse(string outputDirectory, IEnumerable<string> symbols)
    {
        var path = Path.Combine(outputDirectory, UniverseCsv.FileName);
        var rows = File.Exists(path) ? UniverseCsv.Read(path).ToList() : [];
        foreach (var s in symbols.Select(s => s.ToUpperInvariant()))
            if (!rows.Any(r => r.Symbol.Equals(s, StringComparison.OrdinalIgnoreCase)))
                rows.Add(new SymbolInfo(s, s, s == "SPY" ? UniverseCsv.BenchmarkSector : "Unknown"));
        UniverseCsv.Write(path, rows);
    }
}
