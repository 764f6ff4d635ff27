namespace StockAgent.Experiments;

/// <summary>What a sweep did: its record (every trial), the chosen configuration's validation and test-set reports
/// (null when the sweep was stopped before it got there), and whether the test sets were scored by this call or by an
/// earlier one (they are scored once per sweep).</summary>
public sealed record SweepResult(SweepState State, EvaluationReport? Validation, EvaluationReport? Test, bool ScoredNow);
