using MathNet.Numerics.Distributions;

namespace StockAgent.Statistics;

/// <summary>
/// Inference on a single Sharpe ratio. Every Sharpe ratio here is PER PERIOD (mean / standard deviation of the
/// per-period excess returns, not annualised: divide an annualised Sharpe by sqrt(periods per year)); T is the number
/// of returns; skewness g3 and kurtosis g4 are those of the returns, the kurtosis RAW (normal = 3, see
/// <see cref="Moments"/>). A raw kurtosis must satisfy Pearson's inequality g4 &gt;= 1 + g3^2 (every sample does);
/// an excess kurtosis passed by mistake usually breaks it and is refused.
/// </summary>
public static class SharpeInference
{
    /// <summary>The Euler-Mascheroni constant.</summary>
    public const double EulerGamma = 0.57721566490153286;

    /// <summary>Lo (2002), "The statistics of Sharpe ratios", Financial Analysts Journal 58(4): under IID normal
    /// returns SE(SR) = sqrt((1 + SR^2 / 2) / T). Annualise by multiplying by sqrt(periods per year).</summary>
    public static double LoStandardError(double sharpe, int observations)
    {
        CheckObservations(observations, 1);
        return double.IsFinite(sharpe) ? Math.Sqrt((1 + sharpe * sharpe / 2) / observations) : double.NaN;
    }

    /// <summary>Mertens (2002), "Comments on variance of the IID estimator in Lo (2002)": for IID non-normal returns
    /// SE(SR) = sqrt((1 + SR^2 / 2 - g3 SR + (g4 - 3) / 4 SR^2) / T), which equals sqrt((1 - g3 SR + (g4 - 1) / 4 SR^2) / T).
    /// Equals <see cref="LoStandardError"/> when g3 = 0 and g4 = 3.</summary>
    public static double MertensStandardError(double sharpe, int observations, double skewness, double rawKurtosis)
    {
        CheckObservations(observations, 1);
        double v = Dispersion(sharpe, skewness, rawKurtosis);
        return v >= 0 ? Math.Sqrt(v / observations) : double.NaN;
    }

    /// <summary>Probabilistic Sharpe ratio, Bailey and López de Prado (2012), "The Sharpe ratio efficient frontier",
    /// Journal of Risk 15(2): PSR(SR*) = Phi((SR - SR*) sqrt(T - 1) / sqrt(1 - g3 SR + (g4 - 1) / 4 SR^2)),
    /// the probability that the true Sharpe exceeds <paramref name="benchmarkSharpe"/> (per period too).</summary>
    public static double ProbabilisticSharpe(double sharpe, double benchmarkSharpe, int observations, double skewness, double rawKurtosis)
    {
        CheckObservations(observations, 2);
        double v = Dispersion(sharpe, skewness, rawKurtosis);
        if (!(v > 0) || !double.IsFinite(benchmarkSharpe)) return double.NaN;
        return Normal.CDF(0, 1, (sharpe - benchmarkSharpe) * Math.Sqrt(observations - 1) / Math.Sqrt(v));
    }

    /// <summary>Minimum track record length, Bailey and López de Prado (2012):
    /// MinTRL = 1 + (1 - g3 SR + (g4 - 1) / 4 SR^2) (z_c / (SR - SR*))^2 observations, z_c = Phi^-1(confidence): the
    /// number of returns with these moments needed for PSR(SR*) to reach the confidence. NaN when SR &lt;= SR*.</summary>
    public static double MinimumTrackRecordLength(double sharpe, double benchmarkSharpe, double skewness, double rawKurtosis, double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie in (0, 1).");
        double v = Dispersion(sharpe, skewness, rawKurtosis);
        if (!(v >= 0) || !(sharpe > benchmarkSharpe)) return double.NaN;
        double z = Normal.InvCDF(0, 1, confidence) / (sharpe - benchmarkSharpe);
        return 1 + v * z * z;
    }

    /// <summary>Expected maximum Sharpe ratio of N independent trials with true Sharpe 0 (the DSR threshold SR0), Bailey
    /// and López de Prado (2014), "The deflated Sharpe ratio", Journal of Portfolio Management 40(5):
    /// SR0 = sqrt(V) ((1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e))), gamma Euler-Mascheroni, V the variance
    /// across trials of their PER-PERIOD Sharpe ratios (an annualised variance divided by periods per year).</summary>
    public static double ExpectedMaximumSharpe(int trials, double trialSharpeVariance)
    {
        if (trials < 2) throw new ArgumentOutOfRangeException(nameof(trials), trials, "trials must be at least 2 (one trial has nothing to deflate).");
        if (!(trialSharpeVariance >= 0) || !double.IsFinite(trialSharpeVariance))
            throw new ArgumentOutOfRangeException(nameof(trialSharpeVariance), trialSharpeVariance, "trialSharpeVariance must be a finite number >= 0.");
        return Math.Sqrt(trialSharpeVariance) * ((1 - EulerGamma) * Normal.InvCDF(0, 1, 1 - 1.0 / trials)
                                                 + EulerGamma * Normal.InvCDF(0, 1, 1 - 1.0 / (trials * Math.E)));
    }

    /// <summary>Deflated Sharpe ratio, Bailey and López de Prado (2014): DSR = PSR(SR0) with SR0 from
    /// <see cref="ExpectedMaximumSharpe"/> and T the number of returns of the selected strategy.</summary>
    public static double DeflatedSharpe(double sharpe, int observations, double skewness, double rawKurtosis, int trials, double trialSharpeVariance) =>
        ProbabilisticSharpe(sharpe, ExpectedMaximumSharpe(trials, trialSharpeVariance), observations, skewness, rawKurtosis);

    /// <summary>1 - g3 SR + (g4 - 1) / 4 SR^2: T times the asymptotic variance of the Sharpe estimator (Mertens).</summary>
    private static double Dispersion(double sharpe, double skewness, double rawKurtosis)
    {
        if (!double.IsFinite(sharpe) || !double.IsFinite(skewness) || !double.IsFinite(rawKurtosis)) return double.NaN;
        if (rawKurtosis < 1 + skewness * skewness - 1e-9)
            throw new ArgumentOutOfRangeException(nameof(rawKurtosis), rawKurtosis,
                $"kurtosis {rawKurtosis} is below 1 + skewness^2 = {1 + skewness * skewness}; pass the RAW kurtosis (normal = 3), not the excess kurtosis.");
        return 1 - skewness * sharpe + (rawKurtosis - 1) / 4 * sharpe * sharpe;
    }

    private static void CheckObservations(int observations, int minimum)
    {
        if (observations < minimum) throw new ArgumentOutOfRangeException(nameof(observations), observations, $"observations must be at least {minimum}.");
    }
}
