using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class MacdContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "macd_12_26_9.csv";
    protected override string[] Outputs => ["macd", "signal", "histogram"];
    protected override int WarmUp => 33; // the signal's and the histogram's: 26 + 9 - 2

    protected override int WarmUpOf(int k) => k == 0 ? 25 : WarmUp; // the MACD line: 26 - 1

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) =>
        Macd.Compute(source, 12, 26, 9, outputs[0], outputs[1], outputs[2]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
    [
        ("fastPeriod", () => Macd.Compute(new double[5], 0, 26, 9, new double[5], new double[5], new double[5])),
        ("slowPeriod", () => Macd.Compute(new double[5], 12, 12, 9, new double[5], new double[5], new double[5])),
        ("signalPeriod", () => Macd.Compute(new double[5], 12, 26, 0, new double[5], new double[5], new double[5])),
    ];

    [Fact]
    public void Compute_OutputsSharingABuffer_AreRefused()
    {
        var buffer = new double[10];
        Assert.Equal("signal", Assert.Throws<ArgumentException>(() => Macd.Compute(new double[10], 12, 26, 9, buffer, buffer, new double[10])).ParamName);
    }
}
