using StockAgent.Evaluation;

namespace StockAgent.Experiments;

/// <summary>One test set of an evaluation: the set, what the guard said about it for each model (one line each),
/// and every candidate's score, the models first, then the baselines and the benchmark.</summary>
public sealed record TestSetReport(TestSet Set, IReadOnlyList<string> Guard, IReadOnlyList<CandidateScore> Scores);
