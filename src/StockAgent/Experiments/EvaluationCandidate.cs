namespace StockAgent.Experiments;

/// <summary>One policy to score: its display name, kind ("model", "ensemble", "baseline"), the spec that loads it
/// (<see cref="CollectionRun.Load"/>'s), for a single trained model its folder, and the run records of the trained
/// models in it (one for a model, one per member with a record for an ensemble; empty when they were saved outside a
/// run: then no guard can check them).</summary>
public sealed record EvaluationCandidate(string Name, string Kind, string Spec, string? ModelDirectory = null, IReadOnlyList<RunRecord>? Runs = null)
{
    /// <summary>The first run record (a single model's own).</summary>
    public RunRecord? Run => Runs is { Count: > 0 } r ? r[0] : null;

    /// <summary>True for a trained model or an ensemble of them (what the guard checks).</summary>
    public bool Trained => Kind is "model" or "ensemble";
}
