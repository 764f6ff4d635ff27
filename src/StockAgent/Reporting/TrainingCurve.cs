namespace StockAgent.Reporting;

/// <summary>The iterations of one RL training run (its folder name and algorithm, "grpo" or "ppo") for
/// <see cref="BenchmarkCharts.TrainingCurves"/>; <see cref="TrainingCurveFile"/> reads it from a run folder.</summary>
public sealed record TrainingCurve(string Run, string Algorithm, IReadOnlyList<TrainingPoint> Points);
