namespace StockAgent.Evaluation;

/// <summary>
/// Whipsaws. A closed trade is a whipsaw when the next trade on the same symbol in the same backtest opens within
/// <see cref="WithinDays"/> trading days of its exit: (bar of the next entry fill) - (bar of this exit fill) &lt;=
/// WithinDays. A reversal (one fill closes the trade and opens the opposite side) is 0 days; a re-entry opens the same
/// side again after going flat. A trade closed at the end of the window has no next trade and is never a whipsaw.
/// <see cref="Count"/> whipsawed trades, their summed P&amp;L after costs, how many of them lost, and how many were
/// followed by a reversal or by a re-entry.
/// </summary>
public sealed record ErrorAnalysisWhipsaws(int WithinDays, int Count, double Pnl, int Losing, int Reversals, int ReEntries);
