namespace StockAgent.Market;

/// <summary>
/// The kit's embedded market: a seeded generator of daily bars for N symbols in K sectors, with a
/// market factor (published as the benchmark series "MKT") and sector factors. Same options, same prices.
/// </summary>
public static class SyntheticMarket
{
    public const string BenchmarkSymbol = "MKT";

    public static MarketData Generate(SyntheticMarketOptions options)
    {
        options.Validate();
        var rng = new Random(options.Seed);
        int n = options.TradingDays;
        var dates = TradingDates(options.Start, n);

        var market = new double[n];
        for (int t = 0; t < n; t++) market[t] = 0.0003 + 0.01 * Normal(rng);
        var sectorNames = Enumerable.Range(0, options.Sectors).Select(k => $"Sector{k + 1:00}").ToArray();
        var sectorFactor = new double[options.Sectors][];
        for (int k = 0; k < options.Sectors; k++)
        {
            sectorFactor[k] = new double[n];
            for (int t = 0; t < n; t++) sectorFactor[k][t] = 0.006 * Normal(rng);
        }

        var universe = new List<SymbolInfo>();
        var series = new Dictionary<string, PriceSeries>(StringComparer.Ordinal);
        for (int s = 0; s < options.Symbols; s++)
        {
            int sector = s % options.Sectors;
            string symbol = $"S{s + 1:000}";
            var returns = new double[n];
            double beta = 0.6 + 0.8 * rng.NextDouble();
            for (int t = 0; t < n; t++)
                returns[t] = beta * market[t] + sectorFactor[sector][t] + 0.012 * Normal(rng);
            universe.Add(new SymbolInfo(symbol, $"Synthetic {symbol}", sectorNames[sector]));
            series[symbol] = BarsFromReturns(symbol, dates, returns, 20 + 80 * rng.NextDouble(), rng);
        }
        var benchmark = BarsFromReturns(BenchmarkSymbol, dates, market, 100, rng);
        return new MarketData(universe, series, benchmark, $"synthetic(seed={options.Seed}, symbols={options.Symbols}, sectors={options.Sectors}, years={options.Years})");
    }

    internal static DateOnly[] TradingDates(DateOnly start, int count)
    {
        var dates = new DateOnly[count];
        var d = start;
        for (int i = 0; i < count; i++)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
            dates[i] = d;
            d = d.AddDays(1);
        }
        return dates;
    }

    /// <summary>Daily bars whose close-to-close log returns are <paramref name="returns"/>; the open
    /// carries an overnight part of the move and high/low bracket open and close.</summary>
    internal static PriceSeries BarsFromReturns(string symbol, DateOnly[] dates, double[] returns, double startPrice, Random rng)
    {
        int n = returns.Length;
        var open = new double[n]; var high = new double[n]; var low = new double[n]; var close = new double[n]; var volume = new double[n];
        double prev = startPrice;
        for (int t = 0; t < n; t++)
        {
            double c = prev * Math.Exp(returns[t]);
            double o = prev * Math.Exp(returns[t] * 0.3 + 0.002 * Normal(rng));
            double range = Math.Abs(0.006 * Normal(rng));
            open[t] = o;
            close[t] = c;
            high[t] = Math.Max(o, c) * (1 + range);
            low[t] = Math.Min(o, c) * (1 - range);
            volume[t] = Math.Round(1e6 * Math.Exp(0.3 * Normal(rng)));
            prev = c;
        }
        return new PriceSeries(symbol, dates, open, high, low, close, volume);
    }

    internal static double Normal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
