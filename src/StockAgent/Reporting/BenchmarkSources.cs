using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>Everything a benchmark report is built from, all of it result records: the evaluation (the confirmation
/// on the test sets, with its daily returns and bootstrap draws: <see cref="EvaluationRecord"/>) and the file it came
/// from, the pipeline run's life (null for a report of an evaluation alone), the training runs, the experience
/// library's coverage (sector x regime counts), the goals, the publication time and the code version.</summary>
public sealed record BenchmarkSources
{
    public required EvaluationReport Evaluation { get; init; }
    public string? EvaluationFile { get; init; }
    public RunSummary? Run { get; init; }
    public IReadOnlyList<TrainingRunSummary> TrainingRuns { get; init; } = [];
    public IReadOnlyList<CoverageCell> Coverage { get; init; } = [];
    public ReportGoals Goals { get; init; } = ReportGoals.Plan;
    public DateTimeOffset Published { get; init; } = DateTimeOffset.UtcNow;
    public string CodeVersion { get; init; } = Experiments.CodeVersion.Current;
}
