using System.Globalization;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>
/// A shock injected into generated prices, causally: bars before the shock's first day are untouched, and bar t's new
/// close depends only on the original closes up to t. With l_t = ln(C_t / C_(t-1)) the original close-to-close log
/// return and s the first day of the shock (bar index), for t in [s, s + Days):
/// <list type="bullet">
/// <item><see cref="ShockKind.Crash"/>: l'_t = l_t + ln(1 + Size) / Days (Size -0.30 over 10 days: every symbol
/// ends the shock 30% below where it would have been);</item>
/// <item><see cref="ShockKind.VolatilitySpike"/>: l'_t = m + Size (l_t - m), m the mean of l over the
/// <see cref="MeanWindow"/> days before s (Size 3: three times the daily volatility, the drift kept);</item>
/// <item><see cref="ShockKind.SidewaysGrind"/>: C'_t = C'_(s-1) exp(Size l_t): the close stays anchored at the last
/// pre-shock close (zero drift: log prices do not accumulate), its day-to-day log move Size (l_t - l_(t-1)) (Size 0.3:
/// about 0.42 of the original daily volatility).</item>
/// </list>
/// Outside the shock l'_t = l_t, so prices after it continue from the shocked level. Every bar from s on is scaled by
/// k_t = C'_t / C_t (open, high and low too: each bar keeps its shape relative to its close; a crash day's change
/// therefore partly shows as an overnight gap); volume is unchanged. The shock is applied to every symbol and to the
/// benchmark alike.
/// </summary>
public sealed record SyntheticShock(string Name, ShockKind Kind, double Size, int Days)
{
    /// <summary>Days before the shock whose mean log return the volatility spike keeps as the drift.</summary>
    public const int MeanWindow = 250;

    /// <summary>-30% over 10 days.</summary>
    public static SyntheticShock Crash { get; } = new("crash -30% over 10 days", ShockKind.Crash, -0.30, 10);

    /// <summary>Three times the daily volatility for 40 days.</summary>
    public static SyntheticShock VolatilitySpike { get; } = new("volatility x3 for 40 days", ShockKind.VolatilitySpike, 3, 40);

    /// <summary>Zero drift, about 0.42 of the volatility, for 120 days.</summary>
    public static SyntheticShock SidewaysGrind { get; } = new("sideways grind for 120 days", ShockKind.SidewaysGrind, 0.3, 120);

    public static IReadOnlyList<SyntheticShock> Defaults { get; } = [Crash, VolatilitySpike, SidewaysGrind];

    public void Validate()
    {
        if (Days < 1) throw new ArgumentOutOfRangeException(nameof(Days), Days, "Days must be at least 1.");
        bool ok = Kind switch
        {
            ShockKind.Crash => Size > -1 && Size < 10,
            _ => Size > 0 && double.IsFinite(Size),
        };
        if (!ok) throw new ArgumentOutOfRangeException(nameof(Size), Size, string.Create(CultureInfo.InvariantCulture, $"Size {Size} is out of range for a {Kind} shock."));
    }

    /// <summary><paramref name="market"/> with this shock from the trading day <paramref name="start"/> on (every
    /// symbol's bars and the benchmark's; a series without a bar on that day is shocked from its first bar after it).</summary>
    public MarketData Apply(MarketData market, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate();
        var series = market.Series.ToDictionary(kv => kv.Key, kv => Apply(kv.Value, start), StringComparer.Ordinal);
        return market with
        {
            Series = series,
            Benchmark = market.Benchmark is { } b ? Apply(b, start) : null,
            Source = $"{market.Source} + {Name} from {start:yyyy-MM-dd}",
        };
    }

    private PriceSeries Apply(PriceSeries s, DateOnly start)
    {
        int first = s.IndexOnOrAfter(start);
        if (first < 1 || first >= s.Count) return s;
        int n = s.Count;
        var close = (double[])s.Close.Clone();
        int end = Math.Min(n, first + Days);
        double mean = 0;
        if (Kind == ShockKind.VolatilitySpike)
        {
            int from = Math.Max(1, first - MeanWindow);
            for (int t = from; t < first; t++) mean += Math.Log(s.Close[t] / s.Close[t - 1]);
            mean /= first - from;
        }
        for (int t = first; t < n; t++)
        {
            double l = Math.Log(s.Close[t] / s.Close[t - 1]);
            if (t >= end) close[t] = close[t - 1] * Math.Exp(l);
            else close[t] = Kind switch
            {
                ShockKind.Crash => close[t - 1] * Math.Exp(l + Math.Log(1 + Size) / Days),
                ShockKind.VolatilitySpike => close[t - 1] * Math.Exp(mean + Size * (l - mean)),
                _ => close[first - 1] * Math.Exp(Size * l),
            };
        }
        var open = (double[])s.Open.Clone();
        var high = (double[])s.High.Clone();
        var low = (double[])s.Low.Clone();
        for (int t = first; t < n; t++)
        {
            double k = close[t] / s.Close[t];
            open[t] *= k;
            high[t] *= k;
            low[t] *= k;
        }
        return new PriceSeries(s.Symbol, s.Dates, open, high, low, close, s.Volume);
    }
}
