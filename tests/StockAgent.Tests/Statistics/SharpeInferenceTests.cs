using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class SharpeInferenceTests
{
    // Bailey and López de Prado (2014), "The deflated Sharpe ratio", numerical example: N = 100 trials whose annualised
    // Sharpe ratios have variance 0.5, T = 1250 daily returns (5 years of 250 days), annualised Sharpe 2.5,
    // skewness -3, kurtosis 10 (raw): SR0 = 0.1132 per day and DSR = 0.9004.
    private const double DaysPerYear = 250;
    private static readonly double SharpePerDay = 2.5 / Math.Sqrt(DaysPerYear);
    private static readonly double VariancePerDay = 0.5 / DaysPerYear;

    [Fact]
    public void DeflatedSharpe_PapersExample()
    {
        Assert.Equal(0.1132, SharpeInference.ExpectedMaximumSharpe(100, VariancePerDay), 4);
        Assert.Equal(0.9004, SharpeInference.DeflatedSharpe(SharpePerDay, 1250, -3, 10, 100, VariancePerDay), 4);
    }

    [Fact]
    public void DeflatedSharpe_Traps_GiveOtherAnswers()
    {
        // Excess kurtosis (7) instead of raw (10) would give 0.9018, but 7 < 1 + (-3)^2 is no raw kurtosis: refused.
        var excess = Assert.Throws<ArgumentOutOfRangeException>(() => SharpeInference.DeflatedSharpe(SharpePerDay, 1250, -3, 7, 100, VariancePerDay));
        Assert.Equal("rawKurtosis", excess.ParamName);
        // sqrt(T) instead of sqrt(T - 1): T = 1251 gives 0.9005.
        Assert.Equal(0.9005, SharpeInference.DeflatedSharpe(SharpePerDay, 1251, -3, 10, 100, VariancePerDay), 4);
        // The annualised variance passed as if per day inflates SR0 to 1.79, above the per-day Sharpe: DSR ~ 0.
        Assert.True(SharpeInference.DeflatedSharpe(SharpePerDay, 1250, -3, 10, 100, 0.5) < 1e-6);
        // Excess kurtosis of normal returns (0) is refused too.
        Assert.Throws<ArgumentOutOfRangeException>(() => SharpeInference.ProbabilisticSharpe(0.1, 0, 100, 0, 0));
    }

    [Fact]
    public void LoStandardError_ClosedForm()
    {
        // sqrt((1 + 0.1^2 / 2) / 250), evaluated independently in Python: 0.06340346993658942
        Assert.Equal(0.06340346993658942, SharpeInference.LoStandardError(0.1, 250), 15);
    }

    [Fact]
    public void MertensStandardError_EqualsLoForNormalMoments_AndGrowsWithNegativeSkew()
    {
        Assert.Equal(SharpeInference.LoStandardError(0.12, 500), SharpeInference.MertensStandardError(0.12, 500, 0, 3), 15);
        // The DSR example's moments: sqrt((1 + SR^2/2 + 3 SR + 7/4 SR^2) / 1250) with SR = 2.5 / sqrt(250), evaluated
        // independently in Python: 0.03499247517996127
        Assert.Equal(0.03499247517996127, SharpeInference.MertensStandardError(SharpePerDay, 1250, -3, 10), 15);
    }

    [Fact]
    public void MertensStandardError_MatchesTheSpreadOfSimulatedSharpeRatios()
    {
        // Returns r = mu - sigma (E - 1), E ~ Exp(1): skewness -2, raw kurtosis 9, per-period Sharpe mu / sigma = 0.1.
        // 4,000 samples of T = 250 (fixed seed). Mertens: sqrt((1 + 0.2 + 0.02) / 250) = 0.0699; Lo: 0.0634.
        const int samples = 4000, t = 250;
        var rng = new Random(2024);
        var sharpes = new double[samples];
        var r = new double[t];
        for (int s = 0; s < samples; s++)
        {
            for (int i = 0; i < t; i++) r[i] = 0.001 - 0.01 * (-Math.Log(1 - rng.NextDouble()) - 1);
            sharpes[s] = MetricsCalculator.Mean(r) / MetricsCalculator.StdDev(r, 0);
        }
        double spread = MetricsCalculator.StdDev(sharpes, 0);
        double mertens = SharpeInference.MertensStandardError(0.1, t, -2, 9), lo = SharpeInference.LoStandardError(0.1, t);
        // Measured: spread 0.0711 (1.8% above Mertens, whose formula is asymptotic; 12.2% above Lo).
        Assert.InRange(spread / mertens, 0.97, 1.04);
        Assert.True(spread > 1.07 * lo, $"spread {spread} vs Lo {lo}");
    }

    [Fact]
    public void MinimumTrackRecordLength_ClosedForm_AndPsrReachesTheConfidenceThere()
    {
        // 1 + (1 + 0.1^2 / 2) (z_0.95 / 0.1)^2, evaluated independently in Python: 272.90711713658874
        Assert.Equal(272.90711713658874, SharpeInference.MinimumTrackRecordLength(0.1, 0, 0, 3), 9);
        double minTrl = SharpeInference.MinimumTrackRecordLength(SharpePerDay, 0.05, -3, 10, 0.9);
        // PSR is defined for whole T; at T = MinTRL (interpolating sqrt(T - 1)) it equals the confidence exactly.
        double v = 1 + 3 * SharpePerDay + 9.0 / 4 * SharpePerDay * SharpePerDay;
        Assert.Equal(0.9, MathNet.Numerics.Distributions.Normal.CDF(0, 1, (SharpePerDay - 0.05) * Math.Sqrt(minTrl - 1) / Math.Sqrt(v)), 12);
        Assert.True(SharpeInference.ProbabilisticSharpe(SharpePerDay, 0.05, (int)Math.Ceiling(minTrl), -3, 10) >= 0.9);
        Assert.True(SharpeInference.ProbabilisticSharpe(SharpePerDay, 0.05, (int)Math.Floor(minTrl), -3, 10) < 0.9);
        Assert.True(double.IsNaN(SharpeInference.MinimumTrackRecordLength(-0.1, 0, 0, 3)));
    }

    private static Arbitrary<(double Sr1, double Sr2, double Skew, double Kurt, int T)> PsrInputs() =>
        (from a in Gen.Choose(-500, 500)
         from b in Gen.Choose(-500, 500)
         from skew in Gen.Choose(-300, 300)
         from extra in Gen.Choose(0, 2000)
         from t in Gen.Choose(10, 5000)
         let s = skew / 100.0
         select (Math.Min(a, b) / 1000.0, Math.Max(a, b) / 1000.0, s, 1 + s * s + extra / 100.0, t)).ToArbitrary();

    // Holds for every input: PSR's argument (SR - SR*) / sqrt(1 - g3 SR + (g4 - 1)/4 SR^2) has derivative proportional to
    // 1 - g3 SR / 2 in SR, positive here since |g3 SR| <= 3 x 0.5.
    [Property(MaxTest = 300)]
    public Property Psr_RisesWithTheSharpeRatio() =>
        Prop.ForAll(PsrInputs(), c =>
            SharpeInference.ProbabilisticSharpe(c.Sr1, 0, c.T, c.Skew, c.Kurt) <= SharpeInference.ProbabilisticSharpe(c.Sr2, 0, c.T, c.Skew, c.Kurt) + 1e-15);

    [Property(MaxTest = 300)]
    public Property Dsr_FallsAsTheTrialCountGrows() =>
        Prop.ForAll(PsrInputs(), Gen.Choose(2, 5000).Two().ToArbitrary(), Gen.Choose(1, 2000).ToArbitrary(), (c, n, v) =>
        {
            int few = Math.Min(n.Item1, n.Item2), many = Math.Max(n.Item1, n.Item2);
            double variance = v / 1e6;
            return SharpeInference.DeflatedSharpe(c.Sr2, c.T, c.Skew, c.Kurt, many, variance)
                   <= SharpeInference.DeflatedSharpe(c.Sr2, c.T, c.Skew, c.Kurt, few, variance) + 1e-15;
        });

    [Property(MaxTest = 100)]
    public Property SharpePsrAndDsr_AreUnchangedByPositiveRescaling() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(1, 10_000).ToArbitrary(), (seed, k) =>
        {
            var rng = new Random(seed);
            var r = Enumerable.Range(0, 300).Select(_ => 0.0005 + 0.01 * (rng.NextDouble() - 0.5) + (rng.NextDouble() < 0.02 ? -0.05 : 0)).ToArray();
            double scale = k / 1000.0;
            var scaled = r.Select(x => x * scale).ToArray();
            static (double Sharpe, double Psr, double Dsr) Stats(double[] x)
            {
                double sr = MetricsCalculator.Mean(x) / MetricsCalculator.StdDev(x, 0), g3 = Moments.Skewness(x), g4 = Moments.RawKurtosis(x);
                return (sr, SharpeInference.ProbabilisticSharpe(sr, 0, x.Length, g3, g4), SharpeInference.DeflatedSharpe(sr, x.Length, g3, g4, 50, 0.002));
            }
            var (a, b) = (Stats(r), Stats(scaled));
            bool Close(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x));
            return Close(a.Sharpe, b.Sharpe) && Close(a.Psr, b.Psr) && Close(a.Dsr, b.Dsr)
                   && Close(MetricsCalculator.Sharpe(r), MetricsCalculator.Sharpe(scaled));
        });
}
