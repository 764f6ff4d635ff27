using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class EmaContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "ema_12.csv";
    protected override string[] Outputs => ["ema"];
    protected override int WarmUp => 11;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => Ema.Compute(source, 12, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("period", () => Ema.Compute(new double[5], 0, new double[5]))];

    [Fact]
    public void Compute_SeededAtTheFirstValue_KnownAnswer()
    {
        // alpha = 2 / (4 + 1) = 0.4: 10, 10.4, 11.04, 11.824, 12.6944; NaN for t < 3.
        var d = new double[5];
        Ema.Compute([10, 11, 12, 13, 14], 4, d);
        Assert.True(double.IsNaN(d[2]));
        Assert.Equal(11.824, d[3], 12);
        Assert.Equal(12.6944, d[4], 12);
    }
}
