namespace StockAgent.Reporting;

/// <summary>The pipeline's goals as <see cref="BenchmarkCharts.Milestones"/> draws them: trajectories to collect, the
/// validation Sharpe (annualised) and the validation win rate (a fraction) to exceed.</summary>
public sealed record MilestoneGoals(long Trajectories, double Sharpe, double WinRate);
