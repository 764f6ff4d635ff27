namespace StockAgent.Training;

/// <summary>Per-trajectory advantages, the number of groups, and the share of groups whose rewards have zero
/// spread (they carry no learning signal: every member gets advantage 0).</summary>
public sealed record GroupAdvantageResult(double[] Advantages, int Groups, double ZeroSpreadShare);
