using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>A continuous pipeline run's life as its state file records it, for the report: the folder, the command
/// that ran it, its status and why it stopped, when it started and how long it ran, the counts (trajectories, batches,
/// training sessions and iterations), the best model's validation metrics and whether the goals were met on
/// validation, and one milestone per validation check.</summary>
public sealed record RunSummary(
    string Folder,
    string? Command,
    string Status,
    string? StopReason,
    DateTimeOffset Started,
    double Seconds,
    long Trajectories,
    int Batches,
    int Sessions,
    int Iterations,
    ValidationMetrics? BestValidation,
    bool GoalsMetOnValidation,
    IReadOnlyList<MilestonePoint> Milestones);
