using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features;

public class CrossSectionalRanksTests
{
    private static readonly int Size = MarketObservations.Names.Count;
    private static readonly int[] RankColumns = MarketObservations.CrossSectionalNames.Select(n => Column(n)).ToArray();

    private static int Column(string name) => MarketObservations.Names.ToList().IndexOf(name);

    private static float[] Rows(IObservationSource source, int bars)
    {
        var rows = new float[bars * source.Size];
        for (int t = 0; t < bars; t++) source.Observe(t, PositionState.Flat, rows.AsSpan(t * source.Size, source.Size));
        return rows;
    }

    private static float[] Ranks(MarketData market, string symbol, int bars)
    {
        var rows = Rows(MarketObservations.Of(market).For(symbol), bars);
        return Enumerable.Range(0, bars).SelectMany(t => RankColumns.Select(c => rows[t * Size + c])).ToArray();
    }

    /// <summary>Constant daily log return <paramref name="r"/>, minus the bars whose index is in <paramref name="drop"/>.</summary>
    private static PriceSeries Geometric(string symbol, int bars, double r, params int[] drop) =>
        RandomSeries.Keep(SeriesBuilder.FromCloses(symbol, Enumerable.Range(0, bars).Select(i => 100 * Math.Exp(r * i)).ToArray()),
            i => !drop.Contains(i));

    private static MarketData Market(params (PriceSeries Series, string Sector)[] symbols) =>
        new(symbols.Select(m => new SymbolInfo(m.Series.Symbol, m.Series.Symbol, m.Sector)).ToArray(),
            symbols.ToDictionary(m => m.Series.Symbol, m => m.Series), null, "test");

    [Fact]
    public void Names_SixRankColumnsBeforeThePositionState_BaseNamesAreTheRest()
    {
        Assert.Equal(["xs_mom_12_1", "xs_mom_1m", "xs_rev_5d", "sec_mom_12_1", "sec_mom_1m", "sec_rev_5d"], MarketObservations.CrossSectionalNames);
        Assert.Equal(MarketObservations.Names.Count - 6, MarketObservations.BaseNames.Count);
        Assert.Equal(MarketObservations.Names.Except(MarketObservations.CrossSectionalNames), MarketObservations.BaseNames);
        Assert.Equal(["exposure", "unrealized_return", "days_in_trade"], MarketObservations.Names.TakeLast(3));
    }

    [Fact]
    public void Ranks_TinyMarketWithTiesAndAHeldOutSymbol_KnownAnswers()
    {
        // Daily log returns: A +1%, B +3% (sector X), C and F +2% (tied), E -1% (sector Y); H +2.5% in X is held out.
        // Every bar but 40 is shared; on date 40 only A (of the members) and H trade.
        int[] gap = [40];
        var market = Market((Geometric("A", 260, 0.01), "X"), (Geometric("B", 260, 0.03, gap), "X"), (Geometric("C", 260, 0.02, gap), "Y"),
                (Geometric("F", 260, 0.02, gap), "Y"), (Geometric("E", 260, -0.01, gap), "Y"), (Geometric("H", 260, 0.025), "X"))
            .WithIndexMembers(["A", "B", "C", "F", "E"]);
        var obs = MarketObservations.Of(market);
        float At(string symbol, int t, string name) => Rows(obs.For(symbol), market[symbol].Count)[t * Size + Column(name)];

        // 1-month momentum 21 r at bar 30: E -0.21, A 0.21, C = F 0.42, B 0.63 -> 0-based positions 0, 1, 2.5 (mid-rank), 4 of n = 5.
        Assert.Equal(-0.5, At("E", 30, "xs_mom_1m"), 5);
        Assert.Equal(1 / 4.0 - 0.5, At("A", 30, "xs_mom_1m"), 5);
        Assert.Equal(2.5 / 4 - 0.5, At("C", 30, "xs_mom_1m"), 5);
        Assert.Equal(2.5 / 4 - 0.5, At("F", 30, "xs_mom_1m"), 5);
        Assert.Equal(0.5, At("B", 30, "xs_mom_1m"), 5);
        Assert.Equal(0.5 * (2.5 / 4 + 1) - 0.5, At("H", 30, "xs_mom_1m"), 5); // 0.525: halfway from C/F (0.42) to B (0.63)
        // 5-day reversal -5 r: B -0.15, C = F -0.10, A -0.05, E 0.05; H -0.125 halfway from B to C/F.
        Assert.Equal(-0.5, At("B", 30, "xs_rev_5d"), 5);
        Assert.Equal(1.5 / 4 - 0.5, At("C", 30, "xs_rev_5d"), 5);
        Assert.Equal(3 / 4.0 - 0.5, At("A", 30, "xs_rev_5d"), 5);
        Assert.Equal(0.5 * (1.5 / 4) - 0.5, At("H", 30, "xs_rev_5d"), 5);
        // Within sectors: X ranks A, B (H is not a member); Y ranks E, C = F.
        Assert.Equal(-0.5, At("A", 30, "sec_mom_1m"), 5);
        Assert.Equal(0.5, At("B", 30, "sec_mom_1m"), 5);
        Assert.Equal(0.75 - 0.5, At("H", 30, "sec_mom_1m"), 5);            // 0.525 is 3/4 of the way from 0.21 to 0.63
        Assert.Equal(1.5 / 2 - 0.5, At("C", 30, "sec_mom_1m"), 5);
        Assert.Equal(-0.5, At("E", 30, "sec_mom_1m"), 5);
        // Momentum 12-1 needs 252 bars: 0 before, then ln(close[t-21] / close[t-252]) = 231 r ranks as the 1-month momentum.
        Assert.Equal(0, At("B", 30, "xs_mom_12_1"));
        Assert.Equal(0, At("A", 251, "xs_mom_12_1"));
        // At date 255 (bar 254 of the symbols without date 40): A 231 x 0.01, B 232 x 0.03, C = F 232 x 0.02, E 232 x -0.01.
        Assert.Equal(1 / 4.0 - 0.5, At("A", 255, "xs_mom_12_1"), 5);
        Assert.Equal(1.5 / 2 - 0.5, At("C", 254, "sec_mom_12_1"), 5);
        Assert.Equal(0, At("A", 3, "xs_rev_5d"));                          // 5 bars of history needed
        Assert.Equal(0, At("A", 20, "xs_mom_1m"));
        // Date 40: A is the only member trading, so nobody is ranked that day.
        Assert.Equal(0, At("A", 40, "xs_rev_5d"));
        Assert.Equal(0, At("H", 40, "xs_rev_5d"));
        Assert.Equal(0, At("H", 40, "sec_rev_5d"));
    }

    [Fact]
    public void Ranks_AloneInItsSectorOrNoMemberInIt_AreNeutral()
    {
        var market = Market((Geometric("A", 60, 0.01), "X"), (Geometric("B", 60, 0.03), "X"), (Geometric("C", 60, 0.02), "Y"),
            (Geometric("D", 60, 0.05), "Z")).WithIndexMembers(["A", "B", "C"]);
        var obs = MarketObservations.Of(market);
        float At(string symbol, string name) => Rows(obs.For(symbol), 60)[30 * Size + Column(name)];
        Assert.Equal(0, At("C", "sec_mom_1m"));   // one member in Y
        Assert.Equal(0, At("D", "sec_mom_1m"));   // no member in Z
        Assert.Equal(0.5, At("D", "xs_mom_1m"), 5); // above every member: the top rank
        Assert.All(MarketObservations.Names.Select((_, c) => Rows(obs.For("D"), 60)[30 * Size + c]), v => Assert.True(float.IsFinite(v)));
    }

    [Property(MaxTest = 15)]
    public Property Ranks_AnyChangeToAHeldOutSymbol_ChangesNoMembersRanks() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 2, Seed = seed });
            var symbols = market.Symbols.ToArray();
            var heldOut = symbols[seed % symbols.Length];
            var members = symbols.Where(s => s != heldOut).ToArray();
            var changed = market with
            {
                Series = market.Series.ToDictionary(p => p.Key, p => p.Key == heldOut ? RandomSeries.PerturbAfter(p.Value, 0, seed) : p.Value),
            };
            bool Same(MarketData x, MarketData y) => members.All(m => Ranks(x, m, x[m].Count).AsSpan().SequenceEqual(Ranks(y, m, y[m].Count)));
            // With every symbol ranked the change shows (so the comparison can fail); with the members only, it cannot.
            return (!Same(market, changed) && Same(market.WithIndexMembers(members), changed.WithIndexMembers(members)))
                .Label($"seed {seed}, held out {heldOut}");
        });

    [Property(MaxTest = 15)]
    public Property Ranks_BarsAfterTChange_NoValueAtOrBeforeTChanges() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(250, 320), c =>
        {
            // Four symbols on calendars that miss different dates, two sectors, one of them held out.
            var series = Enumerable.Range(0, 4).Select(i => RandomSeries.Keep(RandomSeries.Walk(c.Seed + i, c.Bars, symbol: ((char)('A' + i)).ToString()),
                b => b % (5 + 2 * i) != i)).ToArray();
            var cut = series[0].Dates[Math.Min(c.T, series[0].Count - 20)];
            MarketData Of(IEnumerable<PriceSeries> s) => Market(s.Select((x, i) => (x, i % 2 == 0 ? "X" : "Y")).ToArray()).WithIndexMembers(["A", "B", "C"]);
            var original = Of(series);
            var later = Of(series.Select(s => RandomSeries.PerturbAfter(s, cut, c.Seed + 9)));
            foreach (var s in series)
            {
                int upTo = s.IndexOnOrAfter(cut.AddDays(1));
                if (!Ranks(original, s.Symbol, upTo).AsSpan().SequenceEqual(Ranks(later, s.Symbol, upTo))) return false.Label($"{s.Symbol} at or before {cut}");
            }
            // The ranks after the cut do change (20 bars or more), so the comparison above could fail.
            return series.Any(s => !Ranks(original, s.Symbol, s.Count).AsSpan().SequenceEqual(Ranks(later, s.Symbol, s.Count))).Label("ranks after the cut changed");
        });
}
