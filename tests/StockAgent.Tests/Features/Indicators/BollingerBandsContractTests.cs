using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class BollingerBandsContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "bollinger_20_2.csv";
    protected override string[] Outputs => ["middle", "upper", "lower", "percent_b", "z_score"];
    protected override int WarmUp => 19;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) =>
        BollingerBands.Compute(source, 20, 2, outputs[0], outputs[1], outputs[2], outputs[3], outputs[4]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments()
    {
        double[] B() => new double[5];
        return
        [
            ("period", () => BollingerBands.Compute(B(), 1, 2, B(), B(), B(), B(), B())),
            ("multiplier", () => BollingerBands.Compute(B(), 20, 0, B(), B(), B(), B(), B())),
            ("multiplier", () => BollingerBands.Compute(B(), 20, double.NaN, B(), B(), B(), B(), B())),
            ("period", () => BollingerBands.ZScore(B(), 1, B())),
        ];
    }

    [Fact]
    public void Compute_StockChartsWorkedExample_PopulationBandsWithTheSampleStdMultiplier()
    {
        double k = 2 * Math.Sqrt(19.0 / 20);
        double[] Band(int which)
        {
            int n = StockChartsBollinger.Price.Length;
            var outputs = Enumerable.Range(0, 5).Select(_ => new double[n]).ToArray();
            BollingerBands.Compute(StockChartsBollinger.Price, 20, k, outputs[0], outputs[1], outputs[2], outputs[3], outputs[4]);
            return outputs[which];
        }
        StockChartsBollinger.AssertColumn(_ => Band(0), StockChartsBollinger.Middle, 1e-5);
        StockChartsBollinger.AssertColumn(_ => Band(1), StockChartsBollinger.Upper, 1e-5);
        StockChartsBollinger.AssertColumn(_ => Band(2), StockChartsBollinger.Lower, 1e-5);
    }

    [Fact]
    public void ZScore_EqualsTheZScoreOutputOfCompute_BitForBit()
    {
        var csv = ReferenceCsv.Load(ReferenceFile);
        var x = csv["x"];
        var outputs = Enumerable.Range(0, 5).Select(_ => new double[x.Length]).ToArray();
        BollingerBands.Compute(x, 20, 2, outputs[0], outputs[1], outputs[2], outputs[3], outputs[4]);
        var z = new double[x.Length];
        BollingerBands.ZScore(x, 20, z);
        Assert.Equal(outputs[4], z);
        Assert.Contains(z.Skip(19), double.IsNaN); // the reference series' unchanged stretch has no spread
    }
}
