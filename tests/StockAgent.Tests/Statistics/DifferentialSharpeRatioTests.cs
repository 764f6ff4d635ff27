using StockAgent.Statistics;
using Xunit;

namespace StockAgent.Tests.Statistics;

public class DifferentialSharpeRatioTests
{
    // A worked example by hand from Moody and Saffell's eq. 16: A = 0.01, B = 0.0005, R = 0.02.
    // dA = 0.01, dB = 0.0004 - 0.0005 = -0.0001; numerator 0.0005 x 0.01 + 0.5 x 0.01 x 0.0001 = 5.5e-6;
    // denominator (0.0005 - 0.0001)^1.5 = 0.0004^1.5 = 8e-6; D = 0.6875.
    [Fact]
    public void Matches_the_formula_worked_by_hand()
    {
        var dsr = new DifferentialSharpeRatio(0.1).From(0.01, 0.0005);
        Assert.Equal(0.6875, dsr.Next(0.02), 12);
        Assert.Equal(0.01 + 0.1 * 0.01, dsr.A, 15);
        Assert.Equal(0.0005 + 0.1 * (0.0004 - 0.0005), dsr.B, 15);
    }

    // The paper's definition: D_t is the derivative of the moving Sharpe S_t = A_t / sqrt(B_t - A_t^2) in eta at eta = 0.
    [Theory]
    [InlineData(0.001, 0.0002, 0.015)]
    [InlineData(-0.002, 0.0003, 0.01)]
    [InlineData(0.0005, 0.0001, -0.03)]
    [InlineData(0.003, 0.00005, 0.0)]
    public void Is_the_derivative_of_the_moving_Sharpe_in_eta(double a, double b, double r)
    {
        static double Sharpe(double a, double b, double r, double eta)
        {
            double at = a + eta * (r - a), bt = b + eta * (r * r - b);
            return at / Math.Sqrt(bt - at * at);
        }
        const double h = 1e-7;
        double numeric = (Sharpe(a, b, r, h) - Sharpe(a, b, r, -h)) / (2 * h);
        double d = new DifferentialSharpeRatio(0.05).From(a, b).Next(r);
        Assert.Equal(numeric, d, 1e-5 * Math.Max(1, Math.Abs(numeric)));
    }

    [Fact]
    public void Is_zero_until_the_moving_variance_is_positive_and_a_small_gain_above_the_mean_is_rewarded()
    {
        var dsr = new DifferentialSharpeRatio();
        Assert.Equal(0, dsr.Next(0.01)); // A_0 = B_0 = 0: no variance yet
        Assert.True(dsr.B - dsr.A * dsr.A > 0);
        double above = new DifferentialSharpeRatio().From(dsr.A, dsr.B).Next(0.001); // above A = 0.0005 and below sqrt(B)
        double below = new DifferentialSharpeRatio().From(dsr.A, dsr.B).Next(-0.001);
        Assert.True(above > 0 && below < 0, $"above {above}, below {below}");
    }

    [Fact]
    public void Sum_adds_the_steps_from_zero_moments()
    {
        double[] r = [0.01, -0.005, 0.02, 0.0, -0.01];
        var dsr = new DifferentialSharpeRatio(0.2);
        double expected = r.Sum(dsr.Next);
        Assert.Equal(expected, DifferentialSharpeRatio.Sum(r, 0.2), 14);
        Assert.Equal(0, DifferentialSharpeRatio.Sum([]));
    }

    [Fact]
    public void Refuses_a_rate_outside_zero_one_and_a_non_finite_return()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DifferentialSharpeRatio(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DifferentialSharpeRatio(1));
        Assert.Throws<ArgumentException>(() => new DifferentialSharpeRatio().Next(double.NaN));
    }
}
