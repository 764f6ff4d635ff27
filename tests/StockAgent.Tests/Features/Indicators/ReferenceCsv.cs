using System.Globalization;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features.Indicators;

/// <summary>A reference CSV of tests/StockAgent.Tests/TestData/indicators (written by generate.py there): the input column
/// x and named output columns, an empty cell being NaN.</summary>
public sealed class ReferenceCsv
{
    private readonly Dictionary<string, double[]> _columns;

    private ReferenceCsv(Dictionary<string, double[]> columns) => _columns = columns;

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "StockAgent.Tests", "TestData", "indicators");

    public double[] this[string column] => _columns.TryGetValue(column, out var values)
        ? values
        : throw new KeyNotFoundException($"reference CSV has no column '{column}' (it has {string.Join(", ", _columns.Keys)}).");

    public static ReferenceCsv Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name));
        var header = lines[0].Split(',');
        var values = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length) throw new InvalidDataException($"{name} line {i + 1}: {cells.Length} cells, header has {header.Length}.");
            for (int c = 0; c < cells.Length; c++)
                values[c][i - 1] = cells[c].Length == 0 ? double.NaN : double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        return new ReferenceCsv(header.Select((h, c) => (h, c)).ToDictionary(p => p.h, p => values[p.c]));
    }
}
