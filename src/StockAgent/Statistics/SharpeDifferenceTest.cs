namespace StockAgent.Statistics;

/// <summary>A test of H0: SR_a = SR_b. <see cref="Difference"/> and <see cref="StandardError"/> are per period
/// (multiply by sqrt(periods per year) to annualise); <see cref="Z"/> = Difference / StandardError; the p-value is
/// two-sided. <see cref="BlockLength"/> and <see cref="Resamples"/> are 0 for the asymptotic test.</summary>
public sealed record SharpeDifferenceTest(double Difference, double StandardError, double Z, double PValue, int BlockLength = 0, int Resamples = 0);
