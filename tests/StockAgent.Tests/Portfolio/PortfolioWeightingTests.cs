using StockAgent.Agents;

namespace StockAgent.Tests.Portfolio;

/// <summary>Known answers of <see cref="PortfolioWeighting"/>, worked by hand.</summary>
public class PortfolioWeightingTests
{
    private static double[] Weigh(PortfolioWeighting w, double[] scores, bool[]? eligible = null)
    {
        var result = new double[scores.Length];
        w.Weights(scores, eligible ?? scores.Select(_ => true).ToArray(), result);
        return result;
    }

    [Fact]
    public void TopK_LongOnly_GivesTheKHighestOneOverKEach()
    {
        var w = Weigh(new PortfolioWeighting { TopK = 2 }, [0.1, 0.9, 0.5, 0.7]);
        Assert.Equal([0, 0.5, 0, 0.5], w);
    }

    [Fact]
    public void TopK_LongOnly_IneligibleSymbolsStayInCash()
    {
        // Only two of the top three may be held: the third slot is cash (weights sum to 2/3).
        var w = Weigh(new PortfolioWeighting { TopK = 3 }, [0.9, 0.8, 0.7, 0.6], [true, false, true, false]);
        Assert.Equal([1.0 / 3, 0, 1.0 / 3, 0], w);
    }

    [Fact]
    public void TopK_TiesGoToTheSymbolListedFirst()
    {
        var w = Weigh(new PortfolioWeighting { TopK = 1 }, [0.5, 0.7, 0.7]);
        Assert.Equal([0, 1, 0], w);
    }

    [Fact]
    public void TopK_LongShort_IsMarketNeutralWithOneOverTwoK()
    {
        var w = Weigh(new PortfolioWeighting { TopK = 2, LongShort = true }, [0.3, -0.2, 0.9, 0.1, 0.5]);
        Assert.Equal([0, -0.25, 0.25, -0.25, 0.25], w);
        // Three symbols: k is cut to floor(3 / 2) = 1.
        Assert.Equal([0.5, -0.5, 0], Weigh(new PortfolioWeighting { TopK = 2, LongShort = true }, [0.9, 0.1, 0.5]));
    }

    [Fact]
    public void Softmax_LongOnly_MatchesTheHandComputedValues()
    {
        // scores 0, 0.1, 0.2 at T = 0.1: exp(0), exp(1), exp(2) over their sum 1 + e + e^2 = 11.107337927389695.
        var w = Weigh(new PortfolioWeighting { Scheme = "softmax", Temperature = 0.1 }, [0, 0.1, 0.2]);
        Assert.Equal(0.09003057317038046, w[0], 12);
        Assert.Equal(0.24472847105479764, w[1], 12);
        Assert.Equal(0.6652409557748219, w[2], 12);
        // The ineligible symbol is left out: the other two share exp(0) and exp(2).
        var cut = Weigh(new PortfolioWeighting { Scheme = "softmax", Temperature = 0.1 }, [0, 0.1, 0.2], [true, false, true]);
        Assert.Equal(1 / (1 + Math.Exp(2)), cut[0], 12);
        Assert.Equal(0, cut[1]);
        Assert.Equal(Math.Exp(2) / (1 + Math.Exp(2)), cut[2], 12);
        Assert.All(Weigh(new PortfolioWeighting { Scheme = "softmax" }, [0.5, 0.5], [false, false]), x => Assert.Equal(0, x));
    }

    [Fact]
    public void Softmax_LongShort_IsDemeanedAndScaledToGrossOne()
    {
        // The softmax above minus 1/3 is -0.24330276, -0.08860486, 0.33190762 (gross 0.66381524); each divided by the gross.
        var w = Weigh(new PortfolioWeighting { Scheme = "softmax", Temperature = 0.1, LongShort = true }, [0, 0.1, 0.2]);
        Assert.Equal(-0.36652180262, w[0], 10);
        Assert.Equal(-0.13347819738, w[1], 10);
        Assert.Equal(0.5, w[2], 12);
        Assert.Equal(0, w.Sum(), 12);
        Assert.Equal(1, w.Sum(Math.Abs), 12);
        Assert.All(Weigh(new PortfolioWeighting { Scheme = "softmax", LongShort = true }, [0.3, 0.3]), x => Assert.Equal(0, x));
    }

    [Fact]
    public void FullWeight_IsTheWeightOfOneFullPosition()
    {
        Assert.Equal(0.2, new PortfolioWeighting { TopK = 5 }.FullWeight(40));
        Assert.Equal(0.1, new PortfolioWeighting { TopK = 5, LongShort = true }.FullWeight(40));
        Assert.Equal(0.025, new PortfolioWeighting { Scheme = "softmax" }.FullWeight(40));
    }

    [Fact]
    public void Validate_NamesTheSettingOutOfRange()
    {
        Assert.Equal("Scheme", Assert.Throws<ArgumentException>(() => new PortfolioWeighting { Scheme = "best" }.Validate()).ParamName);
        Assert.Equal("TopK", Assert.Throws<ArgumentOutOfRangeException>(() => new PortfolioWeighting { TopK = 0 }.Validate()).ParamName);
        Assert.Equal("Temperature", Assert.Throws<ArgumentOutOfRangeException>(() => new PortfolioWeighting { Temperature = 0 }.Validate()).ParamName);
        Assert.Throws<ArgumentException>(() => Weigh(new PortfolioWeighting(), [double.NaN]));
    }
}
