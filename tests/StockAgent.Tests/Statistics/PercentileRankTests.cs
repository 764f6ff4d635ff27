using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class PercentileRankTests
{
    private static double Rank(double[] values, double x)
    {
        var sorted = values.Order().ToArray();
        return PercentileRank.OfSorted(sorted, x);
    }

    [Fact]
    public void OfSorted_MicrosoftPercentRankIncExample_MatchesPublishedValues()
    {
        // Microsoft's PERCENTRANK.INC help: data 13, 12, 11, 8, 4, 3, 2, 1, 1, 1 (results shown to 3 digits, truncated).
        double[] data = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];
        Assert.Equal(3.0 / 9, Rank(data, 2), 12);  // 0.333
        Assert.Equal(5.0 / 9, Rank(data, 4), 12);  // 0.555
        Assert.Equal(6.0 / 9, Rank(data, 8), 12);  // 0.666
        Assert.Equal(0.583, Math.Truncate(Rank(data, 5) * 1000) / 1000, 12); // a quarter of the way from 4 to 8
    }

    [Fact]
    public void OfSorted_SpreadsheetInterpolationExamples_MatchPublishedValues()
    {
        // NExS / greytrout spreadsheet manual: PERCENTRANK(1..6, 4.5) = 0.7.
        Assert.Equal(0.7, Rank([1, 2, 3, 4, 5, 6], 4.5), 12);
        // GrapeCity SpreadSheets PERCENTRANK.INC: {10,12,13,14,14,14.5,16,17.5,17.75,20,22}, 18, 4 digits -> 0.8111.
        double r = Rank([10, 12, 13, 14, 14, 14.5, 16, 17.5, 17.75, 20, 22], 18);
        Assert.Equal(0.8111, Math.Truncate(r * 10_000) / 10_000, 12);
        Assert.Equal(0.8 + 0.1 * 0.25 / 2.25, r, 12);
    }

    [Fact]
    public void OfSorted_Ties_TakeTheirMidRank_AsScipyRankdataAverage()
    {
        // scipy.stats.rankdata([0, 2, 3, 2]) = [1, 2.5, 4, 2.5] (method "average"); rank (r - 1) / (n - 1).
        double[] data = [0, 2, 3, 2];
        Assert.Equal(0, Rank(data, 0), 12);
        Assert.Equal(1.5 / 3, Rank(data, 2), 12);
        Assert.Equal(1, Rank(data, 3), 12);
        Assert.Equal(0.5 * (1.5 / 3), Rank(data, 1), 12); // halfway from 0 (rank 0) to the tied 2s (rank 0.5)
    }

    [Fact]
    public void OfSorted_OutsideTooFewOrNaN_EndsOrNaN()
    {
        Assert.Equal(0, Rank([1, 2, 3], -5));
        Assert.Equal(1, Rank([1, 2, 3], 9));
        Assert.Equal(0.5, Rank([4, 4], 4));
        Assert.True(double.IsNaN(Rank([1], 1)));
        Assert.True(double.IsNaN(Rank([], 1)));
        Assert.True(double.IsNaN(Rank([1, 2], double.NaN)));
    }
}
