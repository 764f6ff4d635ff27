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

    public static IReadOnlyList<SymbolInfo> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Universe file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"{path}:1: empty file; expected the header symbol,name,sector.");
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in new[] { "symbol", "name", "sector" })
            if (!header.Contains(required))
                throw new InvalidDataException($"{path}:1: missing column '{required}'; expected the header symbol,name,sector.");
        var list = new List<SymbolInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            var symbol = csv.GetField("symbol")?.Trim() ?? "";
            var name = csv.GetField("name")?.Trim() ?? "";
            var sector = csv.GetField("sector")?.Trim() ?? "";
            if (symbol.Length == 0) throw new InvalidDataException($"{path}:{line}: empty symbol.");
            if (sector.Length == 0) throw new InvalidDataException($"{path}:{line}: symbol {symbol} has no sector.");
            if (!seen.Add(symbol)) throw new InvalidDataException($"{path}:{line}: symbol {symbol} is listed twice.");
            list.Add(new SymbolInfo(symbol, name, sector));
        }
        return list;
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
