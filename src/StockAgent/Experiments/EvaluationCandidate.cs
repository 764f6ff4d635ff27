namespace StockAgent.Experiments;

/// <summary>One policy to score: its display name, kind ("model", "ensemble", "baseline"), the spec that loads it
/// (<see cref="CollectionRun.Load"/>'s), and for a trained model its folder and its run's record (null when it was saved
/// outside a run: then no guard can check it).</summary>
public sealed record EvaluationCandidate(string Name, string Kind, string Spec, string? ModelDirectory = null, RunRecord? Run = null);
