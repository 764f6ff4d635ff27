using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class RollingMaxContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "rolling_max_50.csv";
    protected override string[] Outputs => ["max"];
    protected override int WarmUp => 0; // a partial window at the start: the highest so far

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => RollingMax.Compute(source, 50, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("period", () => RollingMax.Compute(new double[5], 0, new double[5]))];

    [Fact]
    public void Compute_OldHighLeavesTheWindow_KnownAnswer()
    {
        var d = new double[6];
        RollingMax.Compute([5, 9, 1, 2, 3, 2], 3, d);
        Assert.Equal([5.0, 9, 9, 9, 3, 3], d);
    }
}
