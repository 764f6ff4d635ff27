namespace StockAgent.Statistics;

/// <summary>Politis-White optimal block lengths: the mean block length of the stationary bootstrap and the block
/// length of the circular block bootstrap, in observations (not rounded; neither is below 1).</summary>
public readonly record struct BlockLengths(double Stationary, double Circular);
