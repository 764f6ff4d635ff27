using StockAgent.Experiments;

namespace StockAgent.Pipeline;

/// <summary>One step of the pipeline's history: when it ended, what it was ("collect", "train", "evaluate",
/// "confirm"), one line about it, the trajectories in the library after it, its wall time in seconds, and, on "train"
/// and "evaluate" steps, the validation metrics of that step's check (null on other steps and in state files written
/// before the field existed), so that a report can chart validation Sharpe and win rate over the run's life.</summary>
public sealed record PipelineStep(DateTimeOffset Time, string Kind, string Detail, long Trajectories, double Seconds, ValidationMetrics? Validation = null);
