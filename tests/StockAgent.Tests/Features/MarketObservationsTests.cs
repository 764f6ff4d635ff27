using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features;

public class MarketObservationsTests
{
    private static int Column(string name) => MarketObservations.Names.ToList().IndexOf(name);

    private static float[] Rows(IObservationSource source, int bars, PositionState? position = null)
    {
        var rows = new float[bars * source.Size];
        for (int t = 0; t < bars; t++) source.Observe(t, position ?? new PositionState(0.5, 0.02, 7), rows.AsSpan(t * source.Size, source.Size));
        return rows;
    }

    /// <summary>A series of constant daily log return <paramref name="r"/> on the weekday calendar, minus the bars
    /// whose index is in <paramref name="drop"/>.</summary>
    private static PriceSeries Geometric(string symbol, int bars, double r, params int[] drop) =>
        RandomSeries.Keep(SeriesBuilder.FromCloses(symbol, Enumerable.Range(0, bars).Select(i => 100 * Math.Exp(r * i)).ToArray()),
            i => !drop.Contains(i));

    private static MarketData Market(PriceSeries? benchmark, params (PriceSeries Series, string Sector)[] members) =>
        new(members.Select(m => new SymbolInfo(m.Series.Symbol, m.Series.Symbol, m.Sector)).ToArray(),
            members.ToDictionary(m => m.Series.Symbol, m => m.Series), benchmark, "test");

    [Property(MaxTest = 40)]
    public Property Observe_BarsAfterTChange_NoValueAtOrBeforeTChanges() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(30, 300), c =>
        {
            // Three calendars: the symbol, a sector peer and the benchmark each miss dates the others have.
            var symbol = RandomSeries.Keep(RandomSeries.Walk(c.Seed, c.Bars, symbol: "A"), i => i % 11 != 4);
            var peer = RandomSeries.Keep(RandomSeries.Walk(c.Seed + 1, c.Bars, symbol: "B"), i => i % 5 != 2);
            var benchmark = RandomSeries.Keep(RandomSeries.Walk(c.Seed + 2, c.Bars, 0.01, "SPY"), i => i % 7 != 3);
            int t = Math.Min(c.T, symbol.Count - 1);
            var cut = symbol.Dates[t];
            PriceSeries After(PriceSeries s) => RandomSeries.PerturbAfter(s, cut, c.Seed + 3);

            foreach (var bench in new[] { benchmark, null })
            {
                var original = Rows(MarketObservations.ForSeries(symbol, bench, peer), t + 1);
                var variants = new (string What, IObservationSource Source)[]
                {
                    ("the symbol", MarketObservations.ForSeries(After(symbol), bench, peer)),
                    ("a sector peer", MarketObservations.ForSeries(symbol, bench, After(peer))),
                    ("the benchmark", MarketObservations.ForSeries(symbol, bench is null ? null : After(bench), peer)),
                };
                foreach (var (what, source) in variants)
                    Assert.True(original.AsSpan().SequenceEqual(Rows(source, t + 1)),
                        $"changing {what} after {cut:yyyy-MM-dd} changed an observation at or before it (benchmark: {bench is not null})");
            }
        });

    [Fact]
    public void Names_FeaturesThenPositionState_SizeMatches()
    {
        var market = Market(null, (Geometric("A", 30, 0.01), "X"));
        var observations = MarketObservations.Of(market);
        Assert.Equal(MarketObservations.Names.Count, observations.Size);
        Assert.Equal(observations.Size, observations.For("A").Size);
        Assert.Equal(["exposure", "unrealized_return", "days_in_trade"], MarketObservations.Names.TakeLast(3));
        Assert.Equal(PriceFeatures.Names, MarketObservations.Names.Take(PriceFeatures.Count));
        Assert.Equal(MarketObservations.Names.Count, MarketObservations.Names.Distinct().Count());

        var row = new float[observations.Size];
        observations.For("A").Observe(25, new PositionState(-0.5, 0.03, 30), row);
        Assert.Equal([-0.5f, 0.03f, 0.5f], row[^3..]);
    }

    [Fact]
    public void Of_SameMarket_SharesOneInstanceAndCachesSourcesAcrossThreads()
    {
        var market = Market(null, (Geometric("A", 30, 0.01), "X"), (Geometric("B", 30, 0.02), "X"));
        var sources = new IObservationSource[64];
        Parallel.For(0, sources.Length, i => sources[i] = MarketObservations.Of(market).For(i % 2 == 0 ? "A" : "B"));
        Assert.Same(MarketObservations.Of(market), MarketObservations.Of(market));
        Assert.All(sources.Where((_, i) => i % 2 == 0), s => Assert.Same(sources[0], s));
        Assert.All(sources.Where((_, i) => i % 2 == 1), s => Assert.Same(sources[1], s));
        Assert.Throws<KeyNotFoundException>(() => MarketObservations.Of(market).For("NOPE"));
    }

    [Fact]
    public void MarketFeatures_BenchmarkWithExtraAndMissingDates_AlignByDateNeverLater()
    {
        // Benchmark: daily log return 0.001 x i on bar i of the full calendar; it lacks bar 20, which the symbol has.
        // The symbol lacks bar 10, which the benchmark has.
        var full = SeriesBuilder.Dates(40);
        var level = new double[40];
        for (int i = 1; i < 40; i++) level[i] = level[i - 1] + 0.001 * i;
        var benchmark = RandomSeries.Keep(SeriesBuilder.FromCloses("SPY", level.Select(l => 100 * Math.Exp(l)).ToArray()), i => i != 20);
        var symbol = Geometric("A", 40, 0.01, 10);
        var rows = Rows(MarketObservations.ForSeries(symbol, benchmark), symbol.Count);
        int size = MarketObservations.Names.Count;
        float At(int fullIndex, string name) => rows[Array.IndexOf(symbol.Dates, full[fullIndex]) * size + Column(name)];

        Assert.Equal(0.011, At(11, "mkt_ret_1"), 6);  // the benchmark's own previous bar (10) is a date the symbol lacks
        Assert.Equal(0.019, At(20, "mkt_ret_1"), 6);  // benchmark has no bar 20: its last bar before, 19, not 21
        Assert.Equal(0.041, At(21, "mkt_ret_1"), 6);  // bar 21's return is from the benchmark's previous bar, 19
        Assert.Equal(0.001 * Enumerable.Range(5, 21).Sum(), At(25, "mkt_ret_20"), 5); // 20 benchmark bars back is bar 4
        Assert.Equal(0, At(19, "mkt_ret_20"));       // needs 21 benchmark bars
        Assert.Equal(0, At(5, "mkt_vol_20"));

        var late = RandomSeries.Keep(benchmark, i => i >= 5);     // starts after the symbol
        var early = Rows(MarketObservations.ForSeries(symbol, late), 5);
        Assert.All(Enumerable.Range(0, 5), t => Assert.Equal(0, early[t * size + Column("mkt_ret_1")]));
    }

    [Fact]
    public void MarketFeatures_NoBenchmark_UseTheEqualWeightIndexOfTradingSymbols()
    {
        // A: +1% a day, B: +3% a day but missing bar 30 (that day the index return is A's alone).
        var a = Geometric("A", 60, 0.01);
        var b = Geometric("B", 60, 0.03, 30);
        var market = Market(null, (a, "X"), (b, "Y"));
        var rows = Rows(MarketObservations.Of(market).For("A"), 60);
        int size = MarketObservations.Names.Count;
        Assert.Equal(0.02, rows[25 * size + Column("mkt_ret_1")], 6);
        Assert.Equal(0.01, rows[30 * size + Column("mkt_ret_1")], 6);
        Assert.Equal(0.035, rows[31 * size + Column("mkt_ret_1")], 6); // B's return from bar 29 (0.06) and A's 0.01
    }

    [Fact]
    public void SectorStrength_TwoSymbolsWithKnownReturns_DifferenceFromSectorMean()
    {
        // A +1% a day, B +3% a day in one sector; C alone in another.
        var market = Market(null, (Geometric("A", 80, 0.01), "X"), (Geometric("B", 80, 0.03), "X"), (Geometric("C", 80, 0.02), "Y"));
        var obs = MarketObservations.Of(market);
        int size = MarketObservations.Names.Count;
        float At(string symbol, int t, string name) => Rows(obs.For(symbol), 80)[t * size + Column(name)];

        Assert.Equal(-0.2, At("A", 30, "sector_rs_20"), 5); // 0.2 - mean(0.2, 0.6)
        Assert.Equal(0.2, At("B", 30, "sector_rs_20"), 5);
        Assert.Equal(-0.6, At("A", 70, "sector_rs_60"), 5); // 0.6 - mean(0.6, 1.8)
        Assert.Equal(0.6, At("B", 70, "sector_rs_60"), 5);
        Assert.Equal(0, At("A", 30, "sector_rs_60"));       // 60 bars of history needed
        Assert.Equal(0, At("C", 70, "sector_rs_20"));       // alone in its sector
        Assert.Equal(0, At("A", 19, "sector_rs_20"));
    }

    [Fact]
    public void IndexMembers_ExcludeHeldOutSymbolsFromTheIndexAndSectorMeans_KnownAnswers()
    {
        // A +1% and B +3% a day in sector X, C +2% in Y; B is held out (not an index member).
        var market = Market(null, (Geometric("A", 80, 0.01), "X"), (Geometric("B", 80, 0.03), "X"), (Geometric("C", 80, 0.02), "Y"))
            .WithIndexMembers(["A", "C"]);
        var obs = MarketObservations.Of(market);
        int size = MarketObservations.Names.Count;
        float At(string symbol, int t, string name) => Rows(obs.For(symbol), 80)[t * size + Column(name)];

        Assert.Equal(0.015, At("A", 30, "mkt_ret_1"), 5);    // mean(0.01, 0.02): B is not in the index
        Assert.Equal(0.015, At("B", 30, "mkt_ret_1"), 5);    // the held-out symbol sees the same index
        Assert.Equal(0, At("A", 30, "sector_rs_20"), 5);     // A alone among X's members
        Assert.Equal(0.4, At("B", 30, "sector_rs_20"), 5);   // 0.6 - A's 0.2: measured against the members
        Assert.Equal(1.2, At("B", 70, "sector_rs_60"), 5);   // 1.8 - 0.6
    }

    [Fact]
    public void WithIndexMembers_UnknownOrNoSymbol_IsAClearError()
    {
        var market = Market(null, (Geometric("A", 30, 0.01), "X"));
        Assert.Contains("'ZZZ'", Assert.Throws<KeyNotFoundException>(() => market.WithIndexMembers(["A", "ZZZ"])).Message);
        Assert.Throws<ArgumentException>(() => market.WithIndexMembers([]));
    }

    [Property(MaxTest = 20)]
    public Property IndexMembers_AnyChangeToAHeldOutSymbol_ChangesNoMembersObservation() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 1, Seed = seed }) with { Benchmark = null };
            var symbols = market.Symbols.ToArray();
            var heldOut = symbols[seed % symbols.Length];
            var members = symbols.Where(s => s != heldOut).ToArray();
            var series = market.Series.ToDictionary(p => p.Key, p => p.Key == heldOut ? RandomSeries.PerturbAfter(p.Value, 0, seed) : p.Value);
            var changed = market with { Series = series };
            int size = MarketObservations.Names.Count;
            bool Same(MarketData x, MarketData y) => members.All(m =>
                Rows(MarketObservations.Of(x).For(m), x[m].Count).AsSpan().SequenceEqual(Rows(MarketObservations.Of(y).For(m), y[m].Count)));
            // With every symbol in the aggregates the change shows (so the comparison can fail); restricted, it cannot.
            return (!Same(market, changed) && Same(market.WithIndexMembers(members), changed.WithIndexMembers(members)))
                .Label($"seed {seed}, held out {heldOut}");
        });

    [Fact]
    public void ForSeries_DuplicatePeer_IsAClearError()
    {
        var a = Geometric("A", 30, 0.01);
        var ex = Assert.Throws<ArgumentException>(() => MarketObservations.ForSeries(a, null, a));
        Assert.Equal("sectorPeers", ex.ParamName);
    }
}
