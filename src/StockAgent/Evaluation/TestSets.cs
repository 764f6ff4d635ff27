using StockAgent.Experience;

namespace StockAgent.Evaluation;

/// <summary>The default test sets of a model's own market (issue 10): the split's test period on the training symbols
/// (out of time), the held-out symbols over the same period (out of time and symbol), and the held-out symbols over
/// their whole history (out of symbol, in-time).</summary>
public static class TestSets
{
    /// <summary>The three default sets; <paramref name="testDays"/> replaces the split's test period with the last N
    /// trading days of <paramref name="calendar"/>.</summary>
    public static IReadOnlyList<TestSet> Defaults(ResolvedSplit split, IReadOnlyList<DateOnly> calendar, int? testDays = null)
    {
        var testFrom = split.TestStart;
        if (testDays is { } n)
        {
            if (n < 2 || n > calendar.Count) throw new ArgumentException($"test days must be between 2 and the market's {calendar.Count} trading days (got {n}).", nameof(testDays));
            testFrom = calendar[^n];
        }
        var end = calendar[^1];
        var sets = new List<TestSet> { new("test period", TestSet.OutOfTime, split.TrainingSymbols, testFrom, end) };
        if (split.HeldOutSymbols.Count > 0)
        {
            sets.Add(new TestSet("held-out symbols, test period", TestSet.OutOfTimeAndSymbol, split.HeldOutSymbols, testFrom, end));
            sets.Add(new TestSet("held-out symbols, whole history", TestSet.OutOfSymbolInTime, split.HeldOutSymbols, calendar[0], end));
        }
        return sets;
    }
}
