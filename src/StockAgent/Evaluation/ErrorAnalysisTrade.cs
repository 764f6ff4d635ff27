namespace StockAgent.Evaluation;

/// <summary>
/// One closed trade of an error analysis, with what was known when it was entered. <see cref="Pnl"/> is after
/// commission and slippage (currency), <see cref="Return"/> on the entry notional; <see cref="HoldingDays"/> are
/// bars from the entry fill to the exit fill. <see cref="Regime"/> and <see cref="EntryVolatility"/> (annualised) are
/// measured at the decision bar, the close before the entry fill, over the bars up to it only ("unknown" / NaN with too
/// little history). <see cref="Whipsaw"/>: see <see cref="ErrorAnalysisWhipsaws"/>.
/// </summary>
public sealed record ErrorAnalysisTrade(
    string Set, string Symbol, string Sector, int Side, DateOnly EntryDate, DateOnly ExitDate, double Pnl, double Return,
    int HoldingDays, string Regime, double EntryVolatility, string VolatilityBucket, string HoldingBucket, string ExitReason, bool Whipsaw);
