using static System.FormattableString;

namespace StockAgent.Market;

/// <summary>
/// The kit's embedded market: a seeded generator of daily bars for N symbols in K sectors.
/// The market index follows a Markov chain over the six regimes (bull / bear / sideways x high / low
/// volatility), each with its own drift and volatility; it is published as the benchmark "MKT".
/// A symbol's daily log return is beta x market + its sector's factor + an idiosyncratic part with
/// GARCH(1,1) volatility clustering + occasional jumps + the optional planted momentum term
/// (<see cref="SyntheticMarketOptions.SignalStrength"/>) + the optional planted cross-sectional reversal
/// (<see cref="SyntheticMarketOptions.CrossSectionalReversal"/>). Same options, same prices, bit for bit.
/// </summary>
public static class SyntheticMarket
{
    public const string BenchmarkSymbol = "MKT";

    // Annualised drift and volatility of the market index per regime.
    private static double Drift(TrendRegime t) => t switch { TrendRegime.Bull => 0.45, TrendRegime.Bear => -0.45, _ => 0.0 };
    private static double Volatility(VolatilityRegime v) => v == VolatilityRegime.High ? 0.28 : 0.10;

    private const double SectorVolatility = 0.08;      // annualised
    private const double IdiosyncraticVolatility = 0.18; // annualised, unconditional
    private const double GarchAlpha = 0.08, GarchBeta = 0.90;
    private const double SignalCoefficient = 0.4;
    private const int SignalLookback = 5;
    private const double ReversalCoefficient = 0.1;

    public static MarketData Generate(SyntheticMarketOptions options) => GenerateWithTruth(options).Data;

    public static SyntheticMarketTruth GenerateWithTruth(SyntheticMarketOptions options)
    {
        options.Validate();
        var rng = new Random(options.Seed);
        int n = options.TradingDays;
        var dates = TradingDates(options.Start, n);
        double dt = 1.0 / RegimeLabeler.TradingDaysPerYear;

        // Market index: regime chain, then returns.
        var regimes = new MarketRegime[n];
        var all = MarketRegime.All;
        var state = all[rng.Next(all.Count)];
        double stay = 1 - 1 / options.MeanRegimeDays;
        var market = new double[n];
        for (int t = 0; t < n; t++)
        {
            if (t > 0 && rng.NextDouble() > stay)
            {
                var next = state;
                while (next == state) next = all[rng.Next(all.Count)];
                state = next;
            }
            regimes[t] = state;
            double vol = Volatility(state.Volatility);
            market[t] = (Drift(state.Trend) - 0.5 * vol * vol) * dt + vol * Math.Sqrt(dt) * Normal(rng);
        }

        var sectorNames = Enumerable.Range(0, options.Sectors).Select(k => $"Sector{k + 1:00}").ToArray();
        var sectorFactor = new double[options.Sectors][];
        for (int k = 0; k < options.Sectors; k++)
        {
            sectorFactor[k] = new double[n];
            for (int t = 0; t < n; t++) sectorFactor[k][t] = SectorVolatility * Math.Sqrt(dt) * Normal(rng);
        }

        var universe = new List<SymbolInfo>(options.Symbols);
        var series = new Dictionary<string, PriceSeries>(StringComparer.Ordinal);
        double unconditional = IdiosyncraticVolatility * IdiosyncraticVolatility * dt;
        double omega = unconditional * (1 - GarchAlpha - GarchBeta);
        bool reversal = options.CrossSectionalReversal > 0;
        var innovations = new double[options.Symbols][];
        for (int s = 0; s < options.Symbols; s++)
        {
            int sector = s % options.Sectors;
            string symbol = $"S{s + 1:000}";
            double beta = 0.6 + 0.8 * rng.NextDouble();
            double variance = unconditional, shock = 0;
            var innovation = innovations[s] = new double[n];
            for (int t = 0; t < n; t++)
            {
                variance = omega + GarchAlpha * shock * shock + GarchBeta * variance;
                shock = Math.Sqrt(variance) * Normal(rng);
                double jump = rng.NextDouble() < options.JumpProbability ? 0.05 * Normal(rng) - 0.01 : 0;
                innovation[t] = beta * market[t] + sectorFactor[sector][t] + shock + jump;
            }
            universe.Add(new SymbolInfo(symbol, $"Synthetic {symbol}", sectorNames[sector]));
            if (reversal) continue; // the cross-section needs every symbol's returns first
            series[symbol] = BarsFromReturns(symbol, dates, Planted(innovations, s, options), 20 + 80 * rng.NextDouble(), rng);
        }
        if (reversal)
        {
            var returns = PlantedCrossSection(innovations, options);
            for (int s = 0; s < options.Symbols; s++)
                series[universe[s].Symbol] = BarsFromReturns(universe[s].Symbol, dates, returns[s], 20 + 80 * rng.NextDouble(), rng);
        }
        var benchmark = BarsFromReturns(BenchmarkSymbol, dates, market, 100, rng);
        var data = new MarketData(universe, series, benchmark,
            Invariant($"synthetic(seed={options.Seed}, symbols={options.Symbols}, sectors={options.Sectors}, years={options.Years}, signal={options.SignalStrength}{(options.CrossSectionalReversal > 0 ? Invariant($", reversal={options.CrossSectionalReversal}") : "")})"));
        return new SyntheticMarketTruth(data, regimes);
    }

    /// <summary>Symbol <paramref name="s"/>'s daily log returns: its innovations plus the planted momentum term of
    /// <see cref="SyntheticMarketOptions.SignalStrength"/> over its own last five returns.</summary>
    private static double[] Planted(double[][] innovations, int s, SyntheticMarketOptions options)
    {
        var innovation = innovations[s];
        var returns = new double[innovation.Length];
        double signalSum = 0; // sum of the last SignalLookback returns
        for (int t = 0; t < returns.Length; t++)
        {
            double signal = options.SignalStrength * SignalCoefficient * signalSum / SignalLookback;
            double r = innovation[t] + signal;
            returns[t] = r;
            signalSum += r - (t >= SignalLookback ? returns[t - SignalLookback] : 0);
        }
        return returns;
    }

    /// <summary>Every symbol's daily log returns with the momentum term and the cross-sectional reversal of
    /// <see cref="SyntheticMarketOptions.CrossSectionalReversal"/>: -kappa x <see cref="ReversalCoefficient"/> x (the
    /// symbol's sum of its last five returns minus the mean of that sum over the symbols), built day by day.</summary>
    private static double[][] PlantedCrossSection(double[][] innovations, SyntheticMarketOptions options)
    {
        int m = innovations.Length, n = innovations[0].Length;
        var returns = innovations.Select(x => new double[n]).ToArray();
        var sums = new double[m]; // each symbol's sum of its last SignalLookback returns
        for (int t = 0; t < n; t++)
        {
            double mean = sums.Average();
            for (int s = 0; s < m; s++)
            {
                double momentum = options.SignalStrength * SignalCoefficient * sums[s] / SignalLookback;
                double reversal = -options.CrossSectionalReversal * ReversalCoefficient * (sums[s] - mean);
                returns[s][t] = innovations[s][t] + momentum + reversal;
            }
            for (int s = 0; s < m; s++) sums[s] += returns[s][t] - (t >= SignalLookback ? returns[s][t - SignalLookback] : 0);
        }
        return returns;
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

    /// <summary>Daily bars whose close-to-close log returns are <paramref name="returns"/>. A third of each
    /// move happens overnight (close to open) plus a little noise; high and low bracket open and close.</summary>
    internal static PriceSeries BarsFromReturns(string symbol, DateOnly[] dates, double[] returns, double startPrice, Random rng)
    {
        int n = returns.Length;
        var open = new double[n]; var high = new double[n]; var low = new double[n]; var close = new double[n]; var volume = new double[n];
        double prev = startPrice;
        for (int t = 0; t < n; t++)
        {
            double c = prev * Math.Exp(returns[t]);
            double o = prev * Math.Exp(returns[t] / 3 + 0.002 * Normal(rng));
            double range = Math.Abs(0.006 * Normal(rng));
            open[t] = o;
            close[t] = c;
            high[t] = Math.Max(o, c) * (1 + range);
            low[t] = Math.Min(o, c) * (1 - range);
            volume[t] = Math.Round(1e6 * Math.Exp(0.3 * Normal(rng) + 20 * Math.Abs(returns[t])));
            prev = c;
        }
        return new PriceSeries(symbol, dates, open, high, low, close, volume);
    }

    /// <summary>A standard normal draw (Box-Muller), from <paramref name="rng"/> only.</summary>
    internal static double Normal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
