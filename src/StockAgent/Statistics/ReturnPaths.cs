using MathNet.Numerics.Distributions;

namespace StockAgent.Statistics;

/// <summary>
/// Paths of a daily series of simple returns r_1..r_n (r_t = E_t / E_{t-1} - 1), the ones quantstats and pyfolio draw:
/// growth of 1, underwater drawdown and the rolling Sharpe ratio, and the normal density fitted to the returns for a
/// histogram overlay. A NaN return makes every later point of the growth and drawdown paths NaN, and every rolling
/// Sharpe whose window holds it; only bad arguments (lengths, window sizes) throw.
/// </summary>
public static class ReturnPaths
{
    /// <summary>Rolling window of <see cref="RollingSharpe"/> by default: 63 trading days, a quarter.</summary>
    public const int DefaultWindow = 63;

    /// <summary>Growth of 1: E_0 = 1 and E_t = prod_{s=1..t} (1 + r_s), so n + 1 values for n returns. E_0 stands for the
    /// close before the first return (dated by <see cref="StartDate"/>); E_n / E_0 - 1 is the total return.</summary>
    public static double[] Growth(ReadOnlySpan<double> returns)
    {
        var e = new double[returns.Length + 1];
        e[0] = 1;
        for (int t = 0; t < returns.Length; t++) e[t + 1] = e[t] * (1 + returns[t]);
        return e;
    }

    /// <summary>The date given to E_0 of <see cref="Growth"/>: the weekday before the first return's date (a Monday's
    /// return starts from the Friday before). Exchange holidays are not known here, so after a holiday it is a day the
    /// market was closed.</summary>
    public static DateOnly StartDate(DateOnly firstReturnDate)
    {
        var d = firstReturnDate.AddDays(-1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }

    /// <summary>Underwater drawdown of an equity (or growth) path: D_t = E_t / max_{s &lt;= t} E_s - 1 (Magdon-Ismail and
    /// Atiya 2004, "Maximum drawdown"; quantstats' to_drawdown_series), the same length as the path. In [-1, 0] for a non-negative path, exactly 0 at every new high (or repeat of the high) and -1
    /// where E_t = 0; NaN where E_t is NaN or the running peak is not positive. The drawdown of
    /// <see cref="MetricsCalculator.MaxDrawdown"/> is -min_t D_t.</summary>
    public static double[] Drawdown(ReadOnlySpan<double> equity)
    {
        var d = new double[equity.Length];
        double peak = double.NegativeInfinity;
        for (int t = 0; t < equity.Length; t++)
        {
            if (equity[t] > peak) peak = equity[t];
            d[t] = peak > 0 && !double.IsNaN(equity[t]) ? equity[t] / peak - 1 : double.NaN;
        }
        return d;
    }

    /// <summary>Rolling Sharpe ratio over the last <paramref name="window"/> returns (w, default 63):
    /// S_t = sqrt(252) x mean(r_{t-w+1..t}) / sd(r_{t-w+1..t}), the sample standard deviation (normaliser w - 1) and a
    /// risk-free rate of 0, i.e. <see cref="MetricsCalculator.Sharpe"/> of each window, as quantstats' rolling_sharpe
    /// (pandas rolling mean / rolling std with ddof = 1, x sqrt(252)). One value per return: NaN for the first w - 1
    /// (fewer than w returns exist) and where the window's sd is 0.</summary>
    public static double[] RollingSharpe(ReadOnlySpan<double> returns, int window = DefaultWindow)
    {
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "window must hold at least 2 returns.");
        var s = new double[returns.Length];
        for (int t = 0; t < returns.Length; t++)
            s[t] = t + 1 < window ? double.NaN : MetricsCalculator.Sharpe(returns.Slice(t + 1 - window, window));
        return s;
    }

    /// <summary>The density of the normal distribution with the mean and sample standard deviation (normaliser n - 1)
    /// of <paramref name="sample"/>, at each point of <paramref name="at"/>:
    /// phi(x) = exp(-(x - mean)^2 / (2 sd^2)) / (sd sqrt(2 pi)) (MathNet's Normal.PDF). In the sample's units, so it
    /// overlays a histogram normalised to a density (counts / (n x bin width)). NaN everywhere when the sample has
    /// fewer than two values, NaN values or zero spread.</summary>
    public static double[] NormalDensity(ReadOnlySpan<double> sample, ReadOnlySpan<double> at)
    {
        double sd = MetricsCalculator.StdDev(sample, out double mean);
        var pdf = new double[at.Length];
        for (int i = 0; i < at.Length; i++) pdf[i] = sd > 0 ? Normal.PDF(mean, sd, at[i]) : double.NaN;
        return pdf;
    }
}
