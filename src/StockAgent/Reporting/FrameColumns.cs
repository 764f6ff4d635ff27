using System.Globalization;
using Microsoft.Data.Analysis;

namespace StockAgent.Reporting;

/// <summary>DataFrame columns shared by the notebook frames: numbers with NaN shown as null, dates as yyyy-MM-dd
/// (invariant culture; null shown as null).</summary>
internal static class FrameColumns
{
    public static DoubleDataFrameColumn Num(string name, IEnumerable<double> values) =>
        new(name, values.Select(v => double.IsNaN(v) ? null : (double?)v));

    public static StringDataFrameColumn Date(string name, IEnumerable<DateOnly?> values) =>
        new(name, values.Select(d => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
