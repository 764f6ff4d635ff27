using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace StockAgent.Evaluation;

/// <summary>
/// Reads a return series from CSV: a header with <c>date</c> (yyyy-MM-dd, increasing) and <c>return</c> (simple daily
/// return, e.g. 0.012 for +1.2%), optionally <c>benchmark</c> (the benchmark's simple return on that date) and, for the
/// random-timing test, <c>exposure</c> with <c>asset_return</c>. Numbers use the invariant culture; header names are
/// case-insensitive. A bad row is reported as <c>path:line: problem</c>.
/// </summary>
public static class ReturnSeriesCsv
{
    public static ReturnSeries Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Return series file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"{path}:1: empty file; expected a header with date,return[,benchmark].");
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in new[] { "date", "return" })
            if (!header.Contains(required))
                throw new InvalidDataException($"{path}:1: missing column '{required}'; expected a header with date,return[,benchmark] (found {string.Join(",", header)}).");
        bool hasBenchmark = header.Contains("benchmark"), hasExposure = header.Contains("exposure"), hasAsset = header.Contains("asset_return");
        if (hasExposure != hasAsset)
            throw new InvalidDataException($"{path}:1: the columns exposure and asset_return go together (the random-timing test needs both).");

        var dates = new List<DateOnly>();
        var returns = new List<double>();
        var benchmark = new List<double>();
        var exposure = new List<double>();
        var asset = new List<double>();
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            if (csv.Parser.Record is { Length: 1 } r && string.IsNullOrWhiteSpace(r[0])) continue;
            var text = csv.GetField("date")?.Trim() ?? "";
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{path}:{line}: date '{text}' is not a date (expected yyyy-MM-dd).");
            if (dates.Count > 0 && date <= dates[^1])
                throw new InvalidDataException($"{path}:{line}: date {date:yyyy-MM-dd} does not come after {dates[^1]:yyyy-MM-dd}; dates must increase.");
            dates.Add(date);
            returns.Add(Return(csv, path, line, "return"));
            if (hasBenchmark) benchmark.Add(Return(csv, path, line, "benchmark"));
            if (hasAsset) asset.Add(Return(csv, path, line, "asset_return"));
            if (hasExposure) exposure.Add(Number(csv, path, line, "exposure"));
        }
        if (returns.Count < 3) throw new InvalidDataException($"{path}: {returns.Count} return rows; at least 3 are needed.");
        var series = new ReturnSeries(dates.ToArray(), returns.ToArray(), hasBenchmark ? benchmark.ToArray() : null,
            hasExposure ? exposure.ToArray() : null, hasAsset ? asset.ToArray() : null);
        series.Validate();
        return series;
    }

    private static double Return(CsvReader csv, string path, int line, string column)
    {
        double r = Number(csv, path, line, column);
        if (r < -1) throw new InvalidDataException($"{path}:{line}: {column} {r.ToString(CultureInfo.InvariantCulture)} is below -1; expected a simple return (0.01 for +1%).");
        return r;
    }

    /// <summary>A finite number in <paramref name="column"/> of the current row, or an error naming file, line and column.</summary>
    internal static double Number(CsvReader csv, string path, int line, string column)
    {
        var text = csv.GetField(column)?.Trim() ?? "";
        if (text.Length == 0) throw new InvalidDataException($"{path}:{line}: {column} is empty.");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new InvalidDataException($"{path}:{line}: {column} '{text}' is not a finite number.");
        return value;
    }
}
