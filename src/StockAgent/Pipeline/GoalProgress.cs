namespace StockAgent.Pipeline;

/// <summary>How far a run is toward one goal: the goal's name, the target, the current value (NaN before the first
/// validation) and the fraction done in [0, 1] (for a progress bar).</summary>
public sealed record GoalProgress(string Goal, double Target, double Current, double Fraction, bool Met);
