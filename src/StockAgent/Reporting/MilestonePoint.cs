namespace StockAgent.Reporting;

/// <summary>One point of the pipeline's life for <see cref="BenchmarkCharts.Milestones"/>: when, the trajectories in
/// the library then, and the validation check's annualised Sharpe and win rate (a fraction) when a check was made at
/// that point (null otherwise).</summary>
public sealed record MilestonePoint(DateTimeOffset Time, long Trajectories, double? ValidationSharpe, double? ValidationWinRate);
