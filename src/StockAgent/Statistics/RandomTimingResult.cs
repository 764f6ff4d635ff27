namespace StockAgent.Statistics;

/// <summary>Outcome of <see cref="MonteCarlo.RandomTiming"/>: the agent's compounded timing return, the mean over the
/// random placements, the one-sided p-value (share of random placements doing at least as well, with the +1
/// correction), and what was held fixed (trades, days in the market).</summary>
public sealed record RandomTimingResult(double ActualReturn, double MeanRandomReturn, double PValue, int Simulations, int Trades, int DaysInMarket, int Seed);
