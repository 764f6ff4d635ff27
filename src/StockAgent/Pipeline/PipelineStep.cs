namespace StockAgent.Pipeline;

/// <summary>One step of the pipeline's history: when it ended, what it was ("collect", "train", "evaluate",
/// "confirm"), one line about it, and the trajectories in the library after it.</summary>
public sealed record PipelineStep(DateTimeOffset Time, string Kind, string Detail, long Trajectories, double Seconds);
