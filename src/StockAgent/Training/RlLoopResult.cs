namespace StockAgent.Training;

/// <summary>How an <see cref="RlRunLoop"/> ended: the last iteration run, the best validation Sharpe (null when never
/// measured), whether early stopping ended it, and the final and last checkpoint model folders.</summary>
public sealed record RlLoopResult(int LastIteration, double? BestValidationSharpe, bool StoppedEarly, string FinalModel, string? LastCheckpoint);
