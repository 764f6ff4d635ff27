using StockAgent.Experiments;

namespace StockAgent.Pipeline;

/// <summary>What <c>stockagent monitor</c> shows of a run at one moment (<see cref="PipelineMonitor.Frame"/>).</summary>
public sealed record MonitorFrame(
    string Run,
    string Status,
    DateTimeOffset Updated,
    double Seconds,
    long Trajectories,
    int Batches,
    int Sessions,
    int Iterations,
    ValidationMetrics? Best,
    ValidationMetrics? Latest,
    IReadOnlyList<GoalProgress> Goals,
    IReadOnlyList<PipelineStep> Recent,
    IReadOnlyList<MonitorAlert> Alerts,
    string? StopReason,
    string? Error);
