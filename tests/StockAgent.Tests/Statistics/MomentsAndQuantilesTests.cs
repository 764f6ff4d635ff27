using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class MomentsAndQuantilesTests
{
    [Fact]
    public void Moments_KnownAnswers()
    {
        // scipy.stats.kurtosis([1, 2, 3, 4, 5], fisher=False) = 1.7 (m4 = 6.8, m2 = 2); skew 0.
        Assert.Equal(1.7, Moments.RawKurtosis([1, 2, 3, 4, 5]), 12);
        Assert.Equal(0, Moments.Skewness([1, 2, 3, 4, 5]), 12);
        // [1, 2, 10]: m3 / m2^1.5 and m4 / m2^2 with the 1/n normaliser, evaluated independently in Python.
        Assert.Equal(0.6745554845457661, Moments.Skewness([1, 2, 10]), 12);
        Assert.Equal(1.5, Moments.RawKurtosis([1, 2, 10]), 12);
        Assert.True(double.IsNaN(Moments.Skewness([1, 1, 1])));
        Assert.True(double.IsNaN(Moments.RawKurtosis([1])));
    }

    [Fact]
    public void Quantiles_MatchNumpysLinearDefinition()
    {
        // numpy.percentile documentation: a = [[10, 7, 4], [3, 2, 1]]; np.percentile(a, 50) = 3.5.
        Assert.Equal(3.5, Quantiles.OfSorted([1, 2, 3, 4, 7, 10], 0.5), 12);
        // np.quantile([1, 2, 3, 4], 0.25) = 1.75: h = 3 x 0.25 = 0.75 -> 1 + 0.75 (2 - 1).
        Assert.Equal(1.75, Quantiles.OfSorted([1, 2, 3, 4], 0.25), 12);
        Assert.Equal(4, Quantiles.OfSorted([1, 2, 3, 4], 1), 12);
        var ci = Quantiles.PercentileInterval([double.NaN, 4, 1, 3, 2, double.PositiveInfinity], 0.5);
        Assert.Equal(new ConfidenceInterval(1.75, 3.25), ci);
        Assert.Equal(ConfidenceInterval.None, Quantiles.PercentileInterval([double.NaN]));
    }
}
