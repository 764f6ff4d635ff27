namespace StockAgent.Agents;

/// <summary>A policy's choice at one bar: the action index in its <see cref="ActionSpace"/>, the target
/// exposure it stands for, a confidence in [0, 1], and the natural-log probability of the action
/// under the acting policy (0 for deterministic policies).</summary>
public readonly record struct PolicyDecision(int Action, double TargetExposure, double Confidence, double LogProb);
