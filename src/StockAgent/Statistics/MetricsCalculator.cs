namespace StockAgent.Statistics;

/// <summary>
/// Performance statistics. Daily returns are simple returns r_t = E_t / E_{t-1} - 1; a year is 252
/// trading days; standard deviations are sample (n - 1). Every method returns NaN when its value cannot
/// be computed and never throws for short or degenerate input.
/// </summary>
public static class MetricsCalculator
{
    public const double TradingDays = 252;

    /// <summary>Total return: E_last / E_first - 1.</summary>
    public static double TotalReturn(ReadOnlySpan<double> equity) =>
        equity.Length < 1 || !(equity[0] > 0) ? double.NaN : equity[^1] / equity[0] - 1;

    /// <summary>Compound annual growth: (E_last / E_first)^(252 / number of daily returns) - 1.</summary>
    public static double Cagr(ReadOnlySpan<double> equity)
    {
        if (equity.Length < 2 || !(equity[0] > 0) || equity[^1] < 0) return double.NaN;
        return Math.Pow(equity[^1] / equity[0], TradingDays / (equity.Length - 1)) - 1;
    }

    /// <summary>Annualised volatility: sample std of daily returns x sqrt(252).</summary>
    public static double Volatility(ReadOnlySpan<double> returns) => StdDev(returns, 0) * Math.Sqrt(TradingDays);

    /// <summary>Daily rate equivalent to an annual rate: (1 + annual)^(1/252) - 1.</summary>
    public static double DailyRate(double annualRate) => Math.Pow(1 + annualRate, 1 / TradingDays) - 1;

    /// <summary>Sharpe ratio: sqrt(252) x mean / sample std of daily excess returns (r_t - daily risk-free rate).
    /// NaN with fewer than two returns or zero variance.</summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreeRate = 0)
    {
        double rf = DailyRate(riskFreeRate);
        double sd = StdDev(returns, rf);
        return returns.Length < 2 || !(sd > 0) ? double.NaN : Math.Sqrt(TradingDays) * (Mean(returns) - rf) / sd;
    }

    /// <summary>Sortino ratio: sqrt(252) x mean daily excess return / downside deviation, where the downside
    /// deviation is sqrt(sum over all days of min(0, excess)^2 / n). NaN when no day is below the risk-free rate.</summary>
    public static double Sortino(ReadOnlySpan<double> returns, double riskFreeRate = 0)
    {
        if (returns.Length < 2) return double.NaN;
        double rf = DailyRate(riskFreeRate), sum = 0, down = 0;
        foreach (var r in returns)
        {
            double x = r - rf;
            sum += x;
            if (x < 0) down += x * x;
        }
        double dd = Math.Sqrt(down / returns.Length);
        return dd > 0 ? Math.Sqrt(TradingDays) * (sum / returns.Length) / dd : double.NaN;
    }

    /// <summary>Maximum drawdown: max over t of 1 - E_t / max_{s &lt;= t} E_s, in [0, 1]; and its duration, the
    /// longest run of bars spent below a previous peak (to recovery or the end).</summary>
    public static (double MaxDrawdown, int Duration) MaxDrawdown(ReadOnlySpan<double> equity)
    {
        if (equity.Length == 0) return (double.NaN, 0);
        double peak = equity[0], max = 0;
        int longest = 0, peakIndex = 0;
        for (int i = 0; i < equity.Length; i++)
        {
            if (equity[i] >= peak)
            {
                peak = equity[i];
                peakIndex = i;
            }
            else
            {
                longest = Math.Max(longest, i - peakIndex);
                if (peak > 0) max = Math.Max(max, 1 - equity[i] / peak);
            }
        }
        return (Math.Clamp(max, 0, 1), longest);
    }

    /// <summary>Calmar ratio: CAGR / max drawdown; NaN when there is no drawdown.</summary>
    public static double Calmar(double cagr, double maxDrawdown) => maxDrawdown > 0 ? cagr / maxDrawdown : double.NaN;

    /// <summary>Daily hit rate: days with a positive return / days with a non-zero return.</summary>
    public static double DailyHitRate(ReadOnlySpan<double> returns)
    {
        int up = 0, moved = 0;
        foreach (var r in returns)
        {
            if (r != 0) moved++;
            if (r > 0) up++;
        }
        return moved == 0 ? double.NaN : (double)up / moved;
    }

    /// <summary>Trade statistics over closed trades' P&amp;L after costs: win rate (share with P&amp;L &gt; 0), profit
    /// factor (gross profit / gross loss; +infinity with no losing trade, 0 with no winning one), average win,
    /// average loss (a negative number), expectancy (mean P&amp;L per trade). NaN with no trades.</summary>
    public static (double WinRate, double ProfitFactor, double AverageWin, double AverageLoss, double Expectancy) TradeStats(ReadOnlySpan<double> tradePnl)
    {
        if (tradePnl.Length == 0) return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double grossProfit = 0, grossLoss = 0, total = 0;
        int wins = 0, losses = 0;
        foreach (var pnl in tradePnl)
        {
            total += pnl;
            if (pnl > 0) { wins++; grossProfit += pnl; }
            else if (pnl < 0) { losses++; grossLoss -= pnl; }
        }
        double pf = grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? double.PositiveInfinity : double.NaN;
        return ((double)wins / tradePnl.Length, pf,
            wins > 0 ? grossProfit / wins : double.NaN,
            losses > 0 ? -grossLoss / losses : double.NaN,
            total / tradePnl.Length);
    }

    /// <summary>All metrics of a run (<paramref name="tradePnl"/>: each closed trade's P&amp;L after costs). Exposure: mean |position value / equity| over bars. Turnover: total traded
    /// notional / mean equity, per year (x 252 / number of bars).</summary>
    public static PerformanceMetrics Compute(ReadOnlySpan<double> equity, ReadOnlySpan<double> exposure, double tradedNotional,
        ReadOnlySpan<double> tradePnl, double riskFreeRate = 0)
    {
        var returns = Returns(equity);
        double cagr = Cagr(equity);
        var (mdd, duration) = MaxDrawdown(equity);
        var (winRate, pf, avgWin, avgLoss, expectancy) = TradeStats(tradePnl);
        double exp = 0;
        foreach (var e in exposure) exp += Math.Abs(e);
        double meanEquity = Mean(equity);
        return new PerformanceMetrics(
            TotalReturn(equity), cagr, Volatility(returns), Sharpe(returns, riskFreeRate), Sortino(returns, riskFreeRate),
            mdd, duration, Calmar(cagr, mdd), winRate, DailyHitRate(returns), pf, avgWin, avgLoss, expectancy,
            exposure.Length == 0 ? double.NaN : exp / exposure.Length,
            equity.Length == 0 || !(meanEquity > 0) ? double.NaN : tradedNotional / meanEquity * TradingDays / equity.Length,
            tradePnl.Length, equity.Length == 0 ? double.NaN : equity[^1], equity.Length);
    }

    /// <summary>Simple daily returns of an equity curve (length n - 1).</summary>
    public static double[] Returns(ReadOnlySpan<double> equity)
    {
        if (equity.Length < 2) return [];
        var r = new double[equity.Length - 1];
        for (int i = 1; i < equity.Length; i++) r[i - 1] = equity[i - 1] > 0 ? equity[i] / equity[i - 1] - 1 : double.NaN;
        return r;
    }

    /// <summary>Arithmetic mean: the values summed in order, divided by n. NaN when empty.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return double.NaN;
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    /// <summary>Sample standard deviation of x - shift, which is that of x: the shift only states the excess-return
    /// intent (Sharpe passes the daily risk-free rate). See <see cref="StdDev(ReadOnlySpan{double}, out double)"/>.</summary>
    public static double StdDev(ReadOnlySpan<double> x, double shift = 0) => StdDev(x, out _);

    /// <summary>Sample standard deviation (normaliser n - 1), two-pass: m = <see cref="Mean"/>(x), then
    /// sqrt(sum (x_i - m)^2 / (n - 1)), the accurate algorithm for data held in memory (Chan, Golub and LeVeque 1983,
    /// "Algorithms for computing the sample variance: analysis and recommendations"). Exactly 0 when every value is the
    /// same (the mean of equal values can be off by an ulp, which would leave a spread of ~1e-16 x |m|). NaN with fewer
    /// than two values. <paramref name="mean"/> is m (NaN when x is empty). The kit's one sample-std helper: metrics,
    /// Bollinger bands and anything else that needs the spread of a window call it.</summary>
    public static double StdDev(ReadOnlySpan<double> x, out double mean)
    {
        mean = Mean(x);
        if (x.Length < 2) return double.NaN;
        double ss = 0;
        foreach (var v in x)
        {
            double d = v - mean;
            ss += d * d;
        }
        // Rounding alone leaves |x_i - m| below n eps |m| (eps = 2.2e-16); only then is it worth checking for equal values.
        double n = x.Length;
        if (ss <= 1e-30 * n * n * n * mean * mean && AllEqual(x)) return 0;
        return Math.Sqrt(ss / (x.Length - 1));
    }

    private static bool AllEqual(ReadOnlySpan<double> x)
    {
        foreach (var v in x)
            if (v != x[0]) return false;
        return true;
    }
}
