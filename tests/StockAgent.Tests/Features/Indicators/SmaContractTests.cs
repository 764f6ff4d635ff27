using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class SmaContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "sma_20.csv";
    protected override string[] Outputs => ["sma"];
    protected override int WarmUp => 19;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => Sma.Compute(source, 20, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("period", () => Sma.Compute(new double[5], 0, new double[5]))];

    [Fact]
    public void Compute_StockChartsBollingerMiddleBand_IsTheSma20() =>
        // The middle band of ChartSchool's Bollinger Bands (20, 2) worked example (cs-bbands.xls) is the 20-day SMA.
        StockChartsBollinger.AssertColumn(period => { var d = new double[StockChartsBollinger.Price.Length]; Sma.Compute(StockChartsBollinger.Price, period, d); return d; },
            StockChartsBollinger.Middle, 1e-5);
}
