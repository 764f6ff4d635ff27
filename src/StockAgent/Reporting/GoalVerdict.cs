namespace StockAgent.Reporting;

/// <summary>One goal of a report: what it is, its target as text ("> 1.50"), the measured value as text (with its 95%
/// interval where it has one), and whether it is met (null when it could not be measured: no pipeline run for the
/// trajectory count, or a statistic that is undefined, which counts as not met in <see cref="BenchmarkReport.GoalsMet"/>).</summary>
public sealed record GoalVerdict(string Goal, string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "not met", null => "not measured" };
}
