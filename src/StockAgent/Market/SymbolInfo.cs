namespace StockAgent.Market;

/// <summary>One row of a universe: ticker, company name and GICS-style sector.</summary>
public sealed record SymbolInfo(string Symbol, string Name, string Sector);
