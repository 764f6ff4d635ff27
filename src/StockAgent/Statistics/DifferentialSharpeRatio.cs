namespace StockAgent.Statistics;

/// <summary>
/// Moody and Saffell's differential Sharpe ratio, the step reward of "Learning to Trade via Direct Reinforcement"
/// (J. Moody, M. Saffell, IEEE Transactions on Neural Networks 12(4), 2001, eqs. 15-18; first in Moody, Wu, Liao and
/// Saffell, J. Forecasting 17, 1998). Exponential moving estimates of the first and second moments of the per-period
/// returns R_t, with adaptation rate eta,
/// <code>
///   A_t = A_{t-1} + eta (R_t - A_{t-1}),      B_t = B_{t-1} + eta (R_t^2 - B_{t-1}),
/// </code>
/// define the moving Sharpe ratio S_t = A_t / sqrt(B_t - A_t^2) (per period, not annualised). Its first-order expansion
/// in eta, S_t ~ S_{t-1} + eta D_t, gives the differential Sharpe ratio
/// <code>
///   D_t = dS_t/d eta |_{eta=0} = (B_{t-1} dA_t - A_{t-1} dB_t / 2) / (B_{t-1} - A_{t-1}^2)^{3/2},
///   dA_t = R_t - A_{t-1},   dB_t = R_t^2 - B_{t-1}.
/// </code>
/// The estimates start at A_0 = B_0 = 0 (the paper's initialisation); while the moving variance B_{t-1} - A_{t-1}^2 is
/// not positive, D_t is 0 (no Sharpe is defined yet).
/// </summary>
public sealed class DifferentialSharpeRatio
{
    /// <summary>The default adaptation rate: 0.05, a memory of about 20 trading days.</summary>
    public const double DefaultEta = 0.05;

    public DifferentialSharpeRatio(double eta = DefaultEta)
    {
        if (!(eta > 0 && eta < 1)) throw new ArgumentOutOfRangeException(nameof(eta), $"the adaptation rate must be in (0, 1) (got {eta}).");
        Eta = eta;
    }

    public double Eta { get; }

    /// <summary>A_t, the moving mean of the returns seen so far.</summary>
    public double A { get; private set; }

    /// <summary>B_t, the moving mean of the squared returns seen so far.</summary>
    public double B { get; private set; }

    /// <summary>Starts from given moment estimates (A_0, B_0) instead of zero.</summary>
    public DifferentialSharpeRatio From(double a, double b)
    {
        A = a;
        B = b;
        return this;
    }

    /// <summary>D_t for the next return <paramref name="r"/>, then updates A and B with it.</summary>
    public double Next(double r)
    {
        if (!double.IsFinite(r)) throw new ArgumentException($"a return must be finite (got {r}).", nameof(r));
        double dA = r - A, dB = r * r - B, variance = B - A * A;
        double d = variance > 0 ? (B * dA - 0.5 * A * dB) / Math.Pow(variance, 1.5) : 0;
        A += Eta * dA;
        B += Eta * dB;
        return d;
    }

    /// <summary>The sum of D_t over <paramref name="returns"/>, from A_0 = B_0 = 0: the episode-level reward.</summary>
    public static double Sum(ReadOnlySpan<double> returns, double eta = DefaultEta)
    {
        var dsr = new DifferentialSharpeRatio(eta);
        double sum = 0;
        foreach (var r in returns) sum += dsr.Next(r);
        return sum;
    }
}
