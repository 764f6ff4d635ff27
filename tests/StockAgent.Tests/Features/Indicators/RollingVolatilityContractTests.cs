using StockAgent.Features;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features.Indicators;

public class RollingVolatilityContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "rolling_volatility_20.csv";
    protected override string[] Outputs => ["volatility"];
    protected override int WarmUp => 19;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => RollingVolatility.Compute(source, 20, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("period", () => RollingVolatility.Compute(new double[5], 1, new double[5]))];

    protected override double[] Source(int seed, int length)
    {
        var close = RandomSeries.Walk(seed, length + 1).Close;
        return Enumerable.Range(1, length).Select(t => Math.Log(close[t] / close[t - 1])).ToArray();
    }

    [Fact]
    public void Compute_AlternatingReturns_KnownAnswer()
    {
        // +1%, -1% alternating: mean 0 over an even window, sample std sqrt(n / (n - 1)) x 1%.
        var returns = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 0.01 : -0.01).ToArray();
        var d = new double[30];
        RollingVolatility.Compute(returns, 20, d);
        Assert.Equal(0.01 * Math.Sqrt(20.0 / 19), d[29], 12);
    }
}
