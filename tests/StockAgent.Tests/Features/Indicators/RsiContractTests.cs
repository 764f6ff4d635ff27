using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class RsiContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "rsi_14.csv";
    protected override string[] Outputs => ["rsi"];
    protected override int WarmUp => 14;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => Rsi.Compute(source, 14, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("period", () => Rsi.Compute(new double[5], 0, new double[5]))];

    /// <summary>QQQQ closes and the 14-day RSI of StockCharts ChartSchool's worked example (cs-rsi.xls, "Relative Strength
    /// Index (RSI)"), published to 4 decimals.</summary>
    private static readonly double[] Closes =
    [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.6140,
        46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548,
        44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
    ];

    private static readonly double[] Published =
    [
        70.5328, 66.3186, 66.5498, 69.4063, 66.3552, 57.9749, 62.9296, 63.2571, 56.0593, 62.3771, 54.7076, 50.4228, 39.9898,
        41.4605, 41.8689, 45.4632, 37.3040, 33.0795, 37.7730,
    ];

    [Fact]
    public void Compute_StockChartsWorkedExample_MatchesThePublishedTable()
    {
        var rsi = new double[Closes.Length];
        Rsi.Compute(Closes, 14, rsi);

        Assert.All(rsi[..14], v => Assert.True(double.IsNaN(v)));
        for (int i = 0; i < Published.Length; i++) Assert.Equal(Published[i], rsi[14 + i], 1e-3);
    }

    [Fact]
    public void Compute_OnlyGainsOrFlat_Is100_OnlyLosses_Is0()
    {
        var d = new double[20];
        Rsi.Compute(Enumerable.Range(0, 20).Select(i => 10.0 + i).ToArray(), 14, d);
        Assert.Equal(100, d[19]);
        Rsi.Compute(Enumerable.Repeat(10.0, 20).ToArray(), 14, d);
        Assert.Equal(100, d[19]);
        Rsi.Compute(Enumerable.Range(0, 20).Select(i => 50.0 - i).ToArray(), 14, d);
        Assert.Equal(0, d[19]);
    }
}
