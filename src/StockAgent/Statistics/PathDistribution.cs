namespace StockAgent.Statistics;

/// <summary>Summary of a Monte Carlo distribution: mean and the 5/25/50/75/95% quantiles (definition 7, see
/// <see cref="Quantiles"/>) of the finite draws; NaN when there are none.</summary>
public sealed record PathDistribution(double Mean, double P05, double P25, double P50, double P75, double P95, int Draws)
{
    public static PathDistribution From(ReadOnlySpan<double> draws)
    {
        var s = Quantiles.SortedFinite(draws);
        if (s.Length == 0) return new PathDistribution(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        return new PathDistribution(MetricsCalculator.Mean(s), Quantiles.OfSorted(s, 0.05), Quantiles.OfSorted(s, 0.25),
            Quantiles.OfSorted(s, 0.5), Quantiles.OfSorted(s, 0.75), Quantiles.OfSorted(s, 0.95), s.Length);
    }
}
