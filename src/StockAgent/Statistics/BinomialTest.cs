using MathNet.Numerics.Distributions;

namespace StockAgent.Statistics;

/// <summary>Exact binomial test, computed as R's binom.test does: the two-sided p-value of k successes in n
/// trials under success probability p0 is the total probability of every outcome i with
/// P(X = i) &lt;= P(X = k) (1 + 1e-7) (the relative tolerance R uses for ties), capped at 1. For p0 = 1/2 this is
/// min(1, 2 P(X &gt;= max(k, n - k))).</summary>
public static class BinomialTest
{
    public static double TwoSidedPValue(int successes, int trials, double p0 = 0.5)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "trials must be at least 1.");
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must lie in [0, {trials}].");
        if (!(p0 > 0 && p0 < 1)) throw new ArgumentOutOfRangeException(nameof(p0), p0, "p0 must lie in (0, 1).");
        double observed = Binomial.PMF(p0, trials, successes) * (1 + 1e-7), p = 0;
        for (int i = 0; i <= trials; i++)
        {
            double d = Binomial.PMF(p0, trials, i);
            if (d <= observed) p += d;
        }
        return Math.Min(1, p);
    }
}
