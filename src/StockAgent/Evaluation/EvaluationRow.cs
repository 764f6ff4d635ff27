namespace StockAgent.Evaluation;

/// <summary>One metric of an evaluation table: its value and its bootstrap 95% interval (NaN bounds when it has none).</summary>
public sealed record EvaluationRow(string Metric, double Value, double Low, double High);
