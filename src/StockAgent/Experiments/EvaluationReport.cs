using StockAgent.Evaluation;
using StockAgent.Experience;

namespace StockAgent.Experiments;

/// <summary>What <see cref="EvaluationRun.Run"/> measured: the market and split it ran on, each test set's scores,
/// the registry's trial statistics behind the deflated Sharpe ratio (null without a registry of two or more trials),
/// the bootstrap settings, notes a reader must see (for example why there is no DSR), the wall time, and the cost and
/// execution assumptions the backtests made (one line, for reports).</summary>
public sealed record EvaluationReport(
    DataIdentity Data,
    ResolvedSplit Split,
    IReadOnlyList<TestSetReport> Sets,
    TrialStatistics? Trials,
    string? Registry,
    int Resamples,
    int Seed,
    IReadOnlyList<string> Notes,
    double Seconds,
    string Costs = "");
