using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using StockAgent.IO;

namespace StockAgent.Market;

/// <summary>Reads and writes <c>universe.csv</c>: a header <c>symbol,name,sector</c> and one row per symbol.</summary>
public static class UniverseCsv
{
    public const string FileName = "universe.csv";

    /// <summary>The sector that marks the benchmark row (e.g. SPY): it is not traded.</summary>
    public const string BenchmarkSector = "Benchmark";

    /// <summary>The rows of <paramref name="path"/>; an <see cref="InvalidDataException"/> naming the file and line
    /// when it cannot be read as a universe.</summary>
    public static IReadOnlyList<SymbolInfo> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Universe file '{path}' does not exist.", path);
        var (list, problem) = Parse(path);
        if (problem is { } p) throw new InvalidDataException($"{path}:{p.Line}: {p.Message}");
        return list!;
    }

    /// <summary>Parses <paramref name="path"/> (which exists) into its rows, or the first problem as an error issue
    /// located by line (the header is line 1).</summary>
    internal static (IReadOnlyList<SymbolInfo>? Rows, ValidationIssue? Problem) Parse(string path)
    {
        ValidationIssue Problem(int line, string message) => new(ValidationSeverity.Error, FileName, line, null, message);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader())
            return (null, Problem(1, "empty file; expected the header symbol,name,sector."));
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in new[] { "symbol", "name", "sector" })
            if (!header.Contains(required))
                return (null, Problem(1, $"missing column '{required}'; expected the header symbol,name,sector (found '{PrintableText.Escape(string.Join(",", csv.HeaderRecord!))}')."));
        var list = new List<SymbolInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            var symbol = csv.GetField("symbol")?.Trim() ?? "";
            var name = csv.GetField("name")?.Trim() ?? "";
            var sector = csv.GetField("sector")?.Trim() ?? "";
            if (symbol.Length == 0 && name.Length == 0 && sector.Length == 0) continue; // blank line
            if (symbol.Length == 0) return (null, Problem(line, "empty symbol."));
            var shown = PrintableText.Escape(symbol);
            if (sector.Length == 0) return (null, Problem(line, $"symbol {shown} has no sector."));
            if (!seen.Add(symbol)) return (null, Problem(line, $"symbol {shown} is listed twice."));
            list.Add(new SymbolInfo(symbol, name, sector));
        }
        return (list, null);
    }

    public static void Write(string path, IEnumerable<SymbolInfo> symbols) =>
        AtomicFile.WriteText(path, writer =>
        {
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            csv.WriteField("symbol"); csv.WriteField("name"); csv.WriteField("sector");
            csv.NextRecord();
            foreach (var s in symbols)
            {
                csv.WriteField(s.Symbol); csv.WriteField(s.Name); csv.WriteField(s.Sector);
                csv.NextRecord();
            }
        });
}
