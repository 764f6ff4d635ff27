namespace StockAgent.Reporting;

/// <summary>The trajectories of one sector in one market regime, a cell of <see cref="BenchmarkCharts.Coverage"/>.</summary>
public sealed record CoverageCell(string Sector, string Regime, long Trajectories);
