namespace StockAgent.Evaluation;

/// <summary>
/// Dates x symbols a model is scored on: a name, the kind of out-of-sample it is ("out-of-time", "out-of-time and
/// out-of-symbol", or "out-of-symbol, in-time" for held-out symbols over the years the model trained on), the symbols
/// and the inclusive date window. Features warm up on the bars before <see cref="From"/>.
/// </summary>
public sealed record TestSet(string Name, string Kind, IReadOnlyList<string> Symbols, DateOnly From, DateOnly To)
{
    public const string OutOfTime = "out-of-time";
    public const string OutOfTimeAndSymbol = "out-of-time and out-of-symbol";
    public const string OutOfSymbolInTime = "out-of-symbol, in-time";

    /// <summary>The validation period on the training symbols: where models are chosen, never a test set.</summary>
    public static TestSet Validation(IReadOnlyList<string> trainingSymbols, DateOnly from, DateOnly to) =>
        new("validation", "validation (used for model selection)", trainingSymbols, from, to);

    /// <summary>This set limited to [<paramref name="from"/>, <paramref name="to"/>] (either may be null: no limit).</summary>
    public TestSet Within(DateOnly? from, DateOnly? to)
    {
        var f = from is { } a && a > From ? a : From;
        var t = to is { } b && b < To ? b : To;
        if (f > t) throw new ArgumentException($"test set '{Name}' ({From:yyyy-MM-dd}..{To:yyyy-MM-dd}) has no day in {from:yyyy-MM-dd}..{to:yyyy-MM-dd}.");
        return this with { From = f, To = t };
    }
}
