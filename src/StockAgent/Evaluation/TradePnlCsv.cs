using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace StockAgent.Evaluation;

/// <summary>Reads closed trades' P&amp;L after costs, in trade order, from the <c>pnl</c> column of a CSV (other
/// columns are ignored, so `backtest --trades` files work once they carry a pnl column). Numbers use the invariant
/// culture; a bad row is reported as <c>path:line: problem</c>.</summary>
public static class TradePnlCsv
{
    public static double[] Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Trades file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"{path}:1: empty file; expected a header with a pnl column.");
        if (!csv.HeaderRecord!.Any(h => h.Trim().Equals("pnl", StringComparison.OrdinalIgnoreCase)))
            throw new InvalidDataException($"{path}:1: missing column 'pnl' (found {string.Join(",", csv.HeaderRecord!)}).");
        var pnl = new List<double>();
        while (csv.Read())
        {
            if (csv.Parser.Record is { Length: 1 } r && string.IsNullOrWhiteSpace(r[0])) continue;
            pnl.Add(ReturnSeriesCsv.Number(csv, path, csv.Parser.RawRow, "pnl"));
        }
        return pnl.ToArray();
    }
}
