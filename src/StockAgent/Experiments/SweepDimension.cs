namespace StockAgent.Experiments;

/// <summary>One searched key of a <see cref="SweepConfig"/> and its values, each as override text.</summary>
public sealed record SweepDimension(string Key, IReadOnlyList<string> Values);
