namespace StockAgent.Experience;

/// <summary>A <see cref="DataSplit"/> applied to one market: inclusive date ranges of each period and the
/// training and held-out symbols.</summary>
public sealed record ResolvedSplit(
    DateOnly TrainStart, DateOnly TrainEnd,
    DateOnly? ValidationStart, DateOnly? ValidationEnd,
    DateOnly TestStart, DateOnly TestEnd,
    IReadOnlyList<string> TrainingSymbols, IReadOnlyList<string> HeldOutSymbols)
{
    /// <summary>True when a window of <paramref name="symbol"/> from <paramref name="start"/> to <paramref name="end"/>
    /// may be used for training: a training symbol, wholly inside the training period.</summary>
    public bool AllowsTraining(string symbol, DateOnly start, DateOnly end) =>
        start >= TrainStart && end <= TrainEnd && TrainingSymbols.Contains(symbol, StringComparer.OrdinalIgnoreCase);

    public override string ToString() =>
        $"train {TrainStart:yyyy-MM-dd}..{TrainEnd:yyyy-MM-dd}, validation {ValidationStart:yyyy-MM-dd}..{ValidationEnd:yyyy-MM-dd}, " +
        $"test {TestStart:yyyy-MM-dd}..{TestEnd:yyyy-MM-dd}, {TrainingSymbols.Count} training symbols, {HeldOutSymbols.Count} held out";
}
