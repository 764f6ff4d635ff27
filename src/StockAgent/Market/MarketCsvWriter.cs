using System.Globalization;
using CsvHelper;
using StockAgent.IO;

namespace StockAgent.Market;

/// <summary>Writes markets as plain CSVs (<c>date,open,high,low,close,volume</c>, adjusted prices, round-trip
/// doubles) plus a universe.csv, the layout <see cref="MarketCsvLoader"/> reads back. Every file is written atomically.</summary>
public static class MarketCsvWriter
{
    public static void WriteSeries(string path, PriceSeries series) =>
        AtomicFile.WriteText(path, writer =>
        {
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in new[] { "date", "open", "high", "low", "close", "volume" }) csv.WriteField(h);
            csv.NextRecord();
            for (int i = 0; i < series.Count; i++)
            {
                csv.WriteField(series.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(series.Open[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(series.High[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(series.Low[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(series.Close[i].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(series.Volume[i].ToString("R", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        });

    /// <summary>Writes every series, the benchmark (sector "Benchmark" in the universe) and universe.csv
    /// into <paramref name="directory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteMarket(string directory, MarketData market)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var info in market.Universe)
        {
            var path = Path.Combine(directory, info.Symbol + ".csv");
            WriteSeries(path, market[info.Symbol]);
            written.Add(path);
        }
        var universe = market.Universe.ToList();
        if (market.Benchmark is { } b)
        {
            var path = Path.Combine(directory, b.Symbol + ".csv");
            WriteSeries(path, b);
            written.Add(path);
            universe.Add(new SymbolInfo(b.Symbol, "Market index", UniverseCsv.BenchmarkSector));
        }
        var universePath = Path.Combine(directory, UniverseCsv.FileName);
        UniverseCsv.Write(universePath, universe);
        written.Add(universePath);
        return written;
    }
}
