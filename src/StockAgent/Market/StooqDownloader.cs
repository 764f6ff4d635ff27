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

    /// <summary>
    /// Downloads every symbol in turn, whatever happens to the others: a symbol that fails (a bad ticker, an HTTP
    /// error or timeout, no data, a reply that is not valid daily data) is reported with its reason and nothing is
    /// written for it. universe.csv then lists the symbols that worked (none written when none did). A failure to
    /// write into <paramref name="outputDirectory"/> stops the whole download, as it would fail every symbol alike.
    /// </summary>
    public async Task<IReadOnlyList<SymbolDownload>> DownloadAllAsync(IEnumerable<string> symbols, string outputDirectory,
        Action<SymbolDownload>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<SymbolDownload>();
        foreach (var symbol in symbols)
        {
            SymbolDownload result;
            try
            {
                result = new SymbolDownload(symbol.ToUpperInvariant(), await DownloadAsync(symbol, outputDirectory, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or HttpRequestException
                                            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = ex is OperationCanceledException ? $"no answer from {baseUrl} in time ({ex.Message})"
                    : ex.Message.StartsWith(symbol + ": ", StringComparison.Ordinal) ? ex.Message[(symbol.Length + 2)..] : ex.Message;
                result = new SymbolDownload(symbol.ToUpperInvariant(), null, reason);
            }
            results.Add(result);
            progress?.Invoke(result);
        }
        var done = results.Where(r => r.Succeeded).Select(r => r.Symbol).ToList();
        if (done.Count > 0) UpdateUniverse(outputDirectory, done);
        return results;
    }

    /// <summary>Downloads, validates and writes one symbol; throws when it cannot (nothing is written then).</summary>
    public async Task<CsvFileReport> DownloadAsync(string symbol, string outputDirectory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Any(c => !char.IsLetterOrDigit(c) && c is not '.' and not '-'))
            throw new ArgumentException($"'{PrintableText.Escape(symbol)}' is not a ticker symbol (letters, digits, '.' and '-').");
        var ticker = symbol.Contains('.') ? symbol.ToLowerInvariant() : symbol.ToLowerInvariant() + ".us";
        var url = $"{baseUrl.TrimEnd('/')}/q/d/l/?s={Uri.EscapeDataString(ticker)}&i=d";
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{symbol}: {url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
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
