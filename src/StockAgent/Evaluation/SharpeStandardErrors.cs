namespace StockAgent.Evaluation;

/// <summary>Standard errors of the ANNUALISED Sharpe ratio: sqrt(252) x the per-day standard error under IID normal
/// returns (Lo 2002) and under IID non-normal returns (Mertens 2002).</summary>
public sealed record SharpeStandardErrors(double Lo, double Mertens);
