using System.Globalization;
using StockAgent.Evaluation;

namespace StockAgent.Tests.Evaluation;

/// <summary>Return series the evaluation tests share.</summary>
internal static class EvaluationSeries
{
    /// <summary>Consecutive weekdays from 2015-01-05.</summary>
    public static DateOnly[] Weekdays(int n)
    {
        var dates = new DateOnly[n];
        var d = new DateOnly(2015, 1, 5);
        for (int i = 0; i < n; i++)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
            dates[i] = d;
            d = d.AddDays(1);
        }
        return dates;
    }

    /// <summary>
    /// The deflated-Sharpe paper's example as a daily series: 1,250 returns whose per-day Sharpe (mean / sample std) is
    /// exactly 2.5 / sqrt(250) and whose skewness and raw kurtosis are -3 and 10 up to integer counts. Kurtosis 10 with
    /// skewness -3 sits on Pearson's bound (kurtosis = 1 + skewness^2), which only a two-point distribution reaches: here
    /// 105 days of -5% spread evenly among 1,145 days of +h, h solved for the Sharpe ratio. The sample moments are
    /// -2.99941 and 9.99646; the DSR with N = 100 and per-day trial variance 0.5 / 250 computed from them (in Python)
    /// is 0.900405, so 0.9004 as in the paper.
    /// </summary>
    public static ReturnSeries PapersExample()
    {
        const int n = 1250, crashes = 105;
        const double low = -0.05;
        double target = 2.5 / Math.Sqrt(250), p = (double)(n - crashes) / n;
        double k = target * Math.Sqrt((double)n / (n - 1) * p * (1 - p));
        double high = low + low / (k - p);
        var crashDays = Enumerable.Range(0, crashes).Select(i => (int)((i + 0.5) * n / crashes)).ToHashSet();
        var r = Enumerable.Range(0, n).Select(t => crashDays.Contains(t) ? low : high).ToArray();
        return new ReturnSeries(Weekdays(n), r);
    }

    /// <summary>Writes a series as the CSV `evaluate --returns` reads (invariant culture, round-trip precision).</summary>
    public static string ToCsv(ReturnSeries s)
    {
        var lines = new List<string> { "date,return" + (s.Benchmark is null ? "" : ",benchmark") };
        for (int i = 0; i < s.Returns.Length; i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Dates[i]:yyyy-MM-dd},{s.Returns[i]:R}") +
                      (s.Benchmark is null ? "" : "," + s.Benchmark[i].ToString("R", CultureInfo.InvariantCulture)));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A seeded pair (strategy, benchmark) of daily returns with some dependence between them.</summary>
    public static ReturnSeries WithBenchmark(int seed, int n)
    {
        var rng = new Random(seed);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var b = new double[n];
        var r = new double[n];
        for (int t = 0; t < n; t++)
        {
            b[t] = 0.0003 + 0.01 * G();
            r[t] = 0.0004 + 0.6 * b[t] + 0.008 * G();
        }
        return new ReturnSeries(Weekdays(n), r, b);
    }
}
