using StockAgent.Experience;

namespace StockAgent.Evaluation;

/// <summary>
/// Keeps scoring off the data a model learned from. A model's run records its resolved split (training and validation
/// date ranges, training and held-out symbols); a test set is in-sample when any of its symbols is a training symbol and
/// its window meets the training period (a later market folder is checked the same way: the same symbol on the same days
/// is the same data). In-sample scoring is refused with the overlap named, unless allowed; overlap with the validation
/// period is allowed but labelled, since validation chose the model.
/// </summary>
public static class TestSetGuard
{
    public static TestSetCheck Check(TestSet set, ResolvedSplit trained, bool allowInSample = false)
    {
        var training = new HashSet<string>(trained.TrainingSymbols, StringComparer.OrdinalIgnoreCase);
        var shared = set.Symbols.Where(training.Contains).Order(StringComparer.Ordinal).ToList();
        bool inSample = shared.Count > 0 && Meets(set, trained.TrainStart, trained.TrainEnd);
        bool selection = shared.Count > 0 && trained.ValidationStart is { } vs && trained.ValidationEnd is { } ve && Meets(set, vs, ve);
        string window = $"{set.From:yyyy-MM-dd}..{set.To:yyyy-MM-dd}";
        if (inSample)
        {
            var from = set.From > trained.TrainStart ? set.From : trained.TrainStart;
            var to = set.To < trained.TrainEnd ? set.To : trained.TrainEnd;
            var overlap = $"test set '{set.Name}' ({window}) overlaps the training data: {Names(shared)} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}";
            if (!allowInSample) throw new InvalidDataException(overlap + "; the model was trained on these dates and symbols, so its score there is not out of sample.");
            return new TestSetCheck(set, true, selection, overlap + " (IN-SAMPLE, as allowed)");
        }
        string kind = selection ? $"{set.Kind}, overlaps validation {trained.ValidationStart:yyyy-MM-dd}..{trained.ValidationEnd:yyyy-MM-dd} (used for model selection)" : set.Kind;
        return new TestSetCheck(set, false, selection, $"{set.Name}: {set.Symbols.Count} symbols, {window}, {kind}");
    }

    private static bool Meets(TestSet set, DateOnly from, DateOnly to) => set.From <= to && set.To >= from;

    private static string Names(IReadOnlyList<string> symbols) =>
        symbols.Count <= 5 ? string.Join(", ", symbols) : $"{string.Join(", ", symbols.Take(5))} and {symbols.Count - 5} more";
}
