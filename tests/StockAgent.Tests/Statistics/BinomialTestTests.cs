using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class BinomialTestTests
{
    [Fact]
    public void TwoSided_RDocumentationExample()
    {
        // R, ?binom.test: binom.test(c(682, 243), p = 3/4) (Mendel's peas) prints p-value = 0.3825.
        Assert.Equal(0.3825, BinomialTest.TwoSidedPValue(682, 925, 0.75), 4);
    }

    [Fact]
    public void TwoSided_AgainstOneHalf_ExactFractions()
    {
        // 7 of 10: 2 P(X >= 7) = 2 (120 + 45 + 10 + 1) / 1024 = 0.34375; 9 of 10: 2 x 11 / 1024; 5 of 10: 1.
        Assert.Equal(0.34375, BinomialTest.TwoSidedPValue(7, 10), 12);
        Assert.Equal(0.34375, BinomialTest.TwoSidedPValue(3, 10), 12);
        Assert.Equal(22.0 / 1024, BinomialTest.TwoSidedPValue(9, 10), 12);
        Assert.Equal(1, BinomialTest.TwoSidedPValue(5, 10), 12);
        Assert.Equal(2.0 / 1024, BinomialTest.TwoSidedPValue(0, 10), 12);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.TwoSidedPValue(11, 10)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.TwoSidedPValue(0, 0)).ParamName);
    }
}
