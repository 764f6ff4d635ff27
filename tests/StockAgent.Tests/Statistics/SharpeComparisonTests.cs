using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class SharpeComparisonTests
{
    // empyrical's test series `one` and `two` (empyrical/tests/test_stats.py).
    private static readonly double[] One = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
    private static readonly double[] Two = [0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769];

    private static (double[] A, double[] B) Correlated(uint seed, int n, double meanA, double meanB, double rho)
    {
        var rs = new NumpyRandomState(seed);
        var a = new double[n];
        var b = new double[n];
        for (int t = 0; t < n; t++)
        {
            double z1 = rs.StandardNormal(), z2 = rs.StandardNormal();
            a[t] = meanA + 0.01 * z1;
            b[t] = meanB + 0.01 * (rho * z1 + Math.Sqrt(1 - rho * rho) * z2);
        }
        return (a, b);
    }

    [Fact]
    public void JobsonKorkieMemmel_KnownAnswer()
    {
        // Memmel's theta = (2 - 2 rho + (SR_a^2 + SR_b^2 - 2 SR_a SR_b rho^2) / 2) / T, evaluated independently with
        // Python's statistics module (mean, stdev, correlation): SR_a = 0.12340964911242876, SR_b = 0.7008652639651861,
        // rho = -0.024107368860321814, sqrt(theta) = 0.5363517386645581, z = -1.076636045387943, p = 0.28164289432757716.
        var test = SharpeComparison.JobsonKorkieMemmel(One, Two);
        Assert.Equal(0.12340964911242876 - 0.7008652639651861, test.Difference, 12);
        Assert.Equal(0.5363517386645581, test.StandardError, 12);
        Assert.Equal(-1.076636045387943, test.Z, 11);
        Assert.Equal(0.28164289432757716, test.PValue, 11);
    }

    [Fact]
    public void JobsonKorkieMemmel_HasItsNominalSizeUnderTheNull()
    {
        // 400 pairs of IID normal series (T = 500, correlation 0.6, equal Sharpe 0.05 per day), fixed seeds:
        // measured rejection rate at 5%: 21 of 400 (5.25%).
        int rejected = 0;
        for (uint s = 0; s < 400; s++)
        {
            var (a, b) = Correlated(100 + s, 500, 0.0005, 0.0005, 0.6);
            if (SharpeComparison.JobsonKorkieMemmel(a, b).PValue < 0.05) rejected++;
        }
        Assert.InRange(rejected, 10, 32);
    }

    [Fact]
    public void LedoitWolfStandardError_AgreesWithMemmelForIidNormalReturns()
    {
        // For IID normal returns both estimate the same asymptotic variance; T = 5,000 (fixed seed), measured ratio 0.988.
        var (a, b) = Correlated(7, 5000, 0.0004, 0.0002, 0.5);
        double ratio = SharpeComparison.LedoitWolfStandardError(a, b) / SharpeComparison.JobsonKorkieMemmel(a, b).StandardError;
        Assert.InRange(ratio, 0.95, 1.05);
    }

    [Fact]
    public void LedoitWolfBootstrap_IdenticalSeries_IsOne_ClearDifference_IsSmall_AndSeeded()
    {
        var (a, b) = Correlated(3, 500, 0.004, 0.0, 0.3); // measured: JK-Memmel p 8e-8, bootstrap p 1/1000
        Assert.Equal(1, SharpeComparison.LedoitWolfBootstrap(a, a, 3, 199).PValue);
        var clear = SharpeComparison.LedoitWolfBootstrap(a, b, 3, 999, 5);
        Assert.True(clear.PValue <= 0.01, $"p = {clear.PValue}");
        Assert.Equal(clear, SharpeComparison.LedoitWolfBootstrap(a, b, 3, 999, 5));
        Assert.Equal(MetricsCalculator.Mean(a) / MetricsCalculator.StdDev(a, 0) - MetricsCalculator.Mean(b) / MetricsCalculator.StdDev(b, 0), clear.Difference, 12);
    }

    [Fact]
    public void LedoitWolfBootstrap_IsNotFooledByEqualSharpeRatios()
    {
        // Equal true Sharpe ratios, T = 500 (fixed seed): measured p = 0.498 (the JK-Memmel p on the same data: 0.491).
        var (a, b) = Correlated(21, 500, 0.0005, 0.0005, 0.6);
        Assert.True(SharpeComparison.LedoitWolfBootstrap(a, b, 3, 999).PValue > 0.2);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => SharpeComparison.JobsonKorkieMemmel(One, Two[..5])).ParamName);
        Assert.Equal("blockLength", Assert.Throws<ArgumentOutOfRangeException>(() => SharpeComparison.LedoitWolfBootstrap(One, Two, 5)).ParamName);
    }
}
