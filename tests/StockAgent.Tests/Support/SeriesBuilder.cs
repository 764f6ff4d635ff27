using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>Builds small price series for tests.</summary>
public static class SeriesBuilder
{
    /// <summary>A series with the given closes; open = previous close (first: close), high/low bracket them.</summary>
    public static PriceSeries FromCloses(params double[] closes) => FromCloses("TEST", closes);

    public static PriceSeries FromCloses(string symbol, double[] closes)
    {
        int n = closes.Length;
        var open = new double[n];
        for (int i = 0; i < n; i++) open[i] = i == 0 ? closes[0] : closes[i - 1];
        return FromOpenClose(symbol, open, closes);
    }

    public static PriceSeries FromOpenClose(string symbol, double[] open, double[] close)
    {
        int n = close.Length;
        var high = new double[n];
        var low = new double[n];
        for (int i = 0; i < n; i++)
        {
            high[i] = Math.Max(open[i], close[i]);
            low[i] = Math.Min(open[i], close[i]);
        }
        return new PriceSeries(symbol, Dates(n), open, high, low, close, Enumerable.Repeat(1000.0, n).ToArray());
    }

    public static DateOnly[] Dates(int n, DateOnly? start = null)
    {
        var d = start ?? new DateOnly(2020, 1, 1);
        var dates = new DateOnly[n];
        for (int i = 0; i < n; i++)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
            dates[i] = d;
            d = d.AddDays(1);
        }
        return dates;
    }

    /// <summary>Geometric series with a constant daily log drift plus alternating noise of the given amplitude.</summary>
    public static PriceSeries Trend(int n, double dailyDrift, double noise = 0)
    {
        var closes = new double[n];
        double logp = Math.Log(100);
        for (int i = 0; i < n; i++)
        {
            logp += dailyDrift + (i % 2 == 0 ? noise : -noise);
            closes[i] = Math.Exp(logp);
        }
        return FromCloses(closes);
    }
}
