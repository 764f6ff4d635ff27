using StockAgent.Agents;

namespace StockAgent.Tests.Agents;

/// <summary>Known answers of the volatility-targeted sizing: sigma_t against Hull's worked example, the scale, the cap,
/// the clamp and the warm-up.</summary>
public class VolatilityTargetTests
{
    // Hull, Options, Futures and Other Derivatives (Table 15.1 in the 8th edition, "Computation of volatility"): 21 daily
    // closes; sum u = 0.09531, sum u^2 = 0.00326, daily s = 0.01216, annualised 0.01216 x sqrt(252) = 0.193 (19.3%).
    private static readonly double[] Hull =
        [20.00, 20.10, 19.90, 20.00, 20.50, 20.25, 20.90, 20.90, 20.90, 20.75, 20.75, 21.00, 21.10, 20.90, 20.90, 21.25, 21.40, 21.40, 21.25, 21.75, 22.00];

    [Fact]
    public void RealizedVolatility_HullsWorkedExample_Is19Point3Percent()
    {
        double sigma = VolatilityTarget.RealizedVolatility(Hull, 20, 20);
        Assert.Equal(0.01216, sigma / Math.Sqrt(252), 5);
        Assert.Equal(0.193, sigma, 3);
        Assert.Equal(0.19302341523418445, sigma, 12);
    }

    [Fact]
    public void RealizedVolatility_BeforeLookbackReturnsExist_IsNaN_AndReadsNoLaterClose()
    {
        Assert.True(double.IsNaN(VolatilityTarget.RealizedVolatility(Hull, 19, 20)));
        var later = Hull.ToArray();
        later[20] = 1000; // a close after t = 19
        Assert.Equal(VolatilityTarget.RealizedVolatility(Hull, 19, 5), VolatilityTarget.RealizedVolatility(later, 19, 5));
    }

    [Fact]
    public void Size_ScalesByTargetOverSigma_CappedAndClamped()
    {
        double sigma = 0.19302341523418445;
        Assert.Equal(0.15 / sigma, new VolatilityTarget(0.15, 20, 1.0).Scale(Hull, 20), 12); // 0.7771
        Assert.Equal(0.5 * 0.15 / sigma, new VolatilityTarget(0.15, 20, 1.0).Size(0.5, Hull, 20), 12);
        Assert.Equal(1.0, new VolatilityTarget(0.40, 20, 1.0).Scale(Hull, 20)); // 0.40 / 0.193 = 2.07, capped at 1
        Assert.Equal(1.5, new VolatilityTarget(0.40, 20, 1.5).Scale(Hull, 20));
        Assert.Equal(0.75, new VolatilityTarget(0.40, 20, 1.5).Size(0.5, Hull, 20), 12);
        Assert.Equal(1.0, new VolatilityTarget(0.40, 20, 1.5).Size(1.0, Hull, 20)); // clamped to [-1, 1]
        Assert.Equal(-1.0, new VolatilityTarget(0.40, 20, 1.5).Size(-1.0, Hull, 20));
        Assert.Equal(0.0, new VolatilityTarget(0.15, 20, 1.0).Size(0.0, Hull, 20));
        Assert.Equal(0.5, new VolatilityTarget(0.15, 20, 1.0).Size(0.5, Hull, 10)); // warm-up: scale 1
        Assert.Equal(2.0, new VolatilityTarget(0.15, 5, 2.0).Scale(Enumerable.Repeat(10.0, 10).ToArray(), 9)); // flat prices: the cap
    }

    [Fact]
    public void Constructor_RejectsBadSettings_NamingTheParameter()
    {
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTarget(0)).ParamName);
        Assert.Equal("lookback", Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTarget(0.1, 1)).ParamName);
        Assert.Equal("cap", Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTarget(0.1, 20, double.NaN)).ParamName);
    }
}
