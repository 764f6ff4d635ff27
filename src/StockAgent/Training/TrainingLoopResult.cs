namespace StockAgent.Training;

/// <summary>How a <see cref="TrainingLoop"/> ended: the last iteration run, the best validation Sharpe (null when never
/// measured), whether early stopping ended it, and the best, final and last checkpoint model folders (models/best is the
/// model validation chose: the one a run reports and the next step uses).</summary>
public sealed record TrainingLoopResult(int LastIteration, double? BestValidationSharpe, bool StoppedEarly, string BestModel, string FinalModel, string? LastCheckpoint);
