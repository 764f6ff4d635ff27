namespace StockAgent.Evaluation;

/// <summary>A (regime at entry, sector) slice of closed trades: count and total P&amp;L after costs. A failing slice has a
/// negative total.</summary>
public sealed record ErrorAnalysisSlice(string Regime, string Sector, int Trades, double TotalPnl);
