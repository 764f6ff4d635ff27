using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

/// <summary>Error analysis on hand-built series: which trades lose, which are whipsaws, the labels at entry and the
/// groupings' arithmetic.</summary>
public class ErrorAnalysisTests
{
    private const int Bars = 100, WindowStart = 70;

    /// <summary>Steady rise (bars 0..70, 1%/day, no noise: bull, low volatility), a fall over bars 71..77, a rise to the end.</summary>
    private static PriceSeries Shaped(string symbol)
    {
        var closes = new double[Bars];
        double p = 100;
        for (int i = 0; i < Bars; i++)
        {
            if (i > 0) p *= i <= 70 ? 1.01 : i <= 77 ? 0.97 : 1.02;
            closes[i] = p;
        }
        return SeriesBuilder.FromCloses(symbol, closes);
    }

    private static MarketData Market(params (string Symbol, string Sector)[] symbols) => new(
        symbols.Select(s => new SymbolInfo(s.Symbol, s.Symbol, s.Sector)).ToList(),
        symbols.ToDictionary(s => s.Symbol, s => Shaped(s.Symbol)), null, "hand-built");

    private static TestSet Window(MarketData market) =>
        new("test", TestSet.OutOfTime, market.Symbols.ToList(), market.Series.Values.First().Dates[WindowStart], market.Series.Values.First().Dates[^1]);

    /// <summary>Exposure 1 on the decision bars in [from, to), else 0.</summary>
    private static double[] Long(params (int From, int To)[] spans)
    {
        var e = new double[Bars];
        foreach (var (from, to) in spans) for (int i = from; i < to; i++) e[i] = 1;
        return e;
    }

    [Fact]
    public void Run_KnownTrades_LosersWhipsawsAndLabels()
    {
        var market = Market(("AAA", "Tech"));
        // Decide long at 70 (fill 71) .. flat at 74 (fill 75): bought into the fall, loses. Long again at 76 (fill 77,
        // 2 days after the exit: a whipsaw), held through the rise to 89 (fill 90): wins. Long at 95 (fill 96) to the end.
        var policy = new ScriptedPolicy(Long((70, 74), (76, 89), (95, Bars)));
        var r = ErrorAnalysis.Run(market, policy, [Window(market)]);

        Assert.Equal(3, r.TradeCount);
        var (first, second, third) = (r.Trades[0], r.Trades[1], r.Trades[2]);
        Assert.True(first.Pnl < 0, $"first {first.Pnl}");
        Assert.True(second.Pnl > 0 && third.Pnl > 0);
        Assert.Equal([true, false, false], r.Trades.Select(t => t.Whipsaw));
        Assert.Equal(new ErrorAnalysisWhipsaws(5, 1, first.Pnl, 1, 0, 1), r.Whipsaws);
        Assert.Equal([4, 13, 3], r.Trades.Select(t => t.HoldingDays));
        Assert.Equal(["3-5", "6-20", "3-5"], r.Trades.Select(t => t.HoldingBucket));
        Assert.Equal("bull-low-vol", first.Regime); // 60 bars of a steady 1% rise up to the decision bar 70
        Assert.Equal("end", third.ExitReason);
        Assert.Equal(first, Assert.Single(r.TopLosers));
        Assert.Empty(r.FailingSlices); // the winner entered in the same regime outweighs the loser
        var alone = ErrorAnalysis.Run(market, new ScriptedPolicy(Long((70, 74))), [Window(market)]);
        Assert.Equal(new ErrorAnalysisSlice("bull-low-vol", "Tech", 1, first.Pnl), Assert.Single(alone.FailingSlices));

        // The trades are the backtester's own, P&L after costs.
        var direct = Backtester.Run(policy, market["AAA"], BacktestOptions.Default with { InitialCash = 10_000 }, WindowStart, Bars - 1);
        Assert.Equal(direct.Trades.Select(t => t.Pnl), r.Trades.Select(t => t.Pnl));
        Assert.Equal(direct.FinalEquity - 10_000, r.DailyPnl, 6);
        Assert.Equal(r.TotalPnl, r.DailyPnl, 6);
    }

    [Fact]
    public void Run_WhipsawHorizon_CountsOnlyReEntriesWithinIt()
    {
        var market = Market(("AAA", "Tech"));
        var policy = new ScriptedPolicy(Long((70, 74), (76, 89), (95, Bars))); // gaps: 2 days, then 6 days
        int Count(int days) => ErrorAnalysis.Run(market, policy, [Window(market)], new ErrorAnalysisOptions { WhipsawDays = days }).Whipsaws.Count;
        Assert.Equal(0, Count(1));
        Assert.Equal(1, Count(2));
        Assert.Equal(1, Count(5));
        Assert.Equal(2, Count(6));
    }

    [Fact]
    public void Run_Reversal_IsAWhipsawOfZeroDays()
    {
        var market = Market(("AAA", "Tech"));
        var e = new double[Bars];
        for (int i = 71; i < 77; i++) e[i] = i < 73 ? 1 : -1; // long at 71 (fill 72), reversed short at 73 (fill 74), flat at 77 (fill 78)
        var r = ErrorAnalysis.Run(market, new ScriptedPolicy(e), [Window(market)], new ErrorAnalysisOptions { WhipsawDays = 0 });
        Assert.Equal([1, -1], r.Trades.Select(t => t.Side));
        Assert.Equal(new ErrorAnalysisWhipsaws(0, 1, r.Trades[0].Pnl, r.Trades[0].Pnl < 0 ? 1 : 0, 1, 0), r.Whipsaws);
        Assert.True(r.Trades[1].Pnl > 0, "short through the fall gains");
    }

    [Fact]
    public void Run_Groups_SectorsVolatilityTercilesAndShares()
    {
        var market = Market(("AAA", "Tech"), ("BBB", "Energy"));
        var r = ErrorAnalysis.Run(market, new ScriptedPolicy(Long((70, 74), (76, 89), (95, Bars))), [Window(market)]);

        Assert.Equal(6, r.TradeCount);
        Assert.Equal(["Energy", "Tech"], r.GroupsOf(ErrorAnalysis.BySector).Select(g => g.Key));
        foreach (var g in r.GroupsOf(ErrorAnalysis.BySector))
        {
            Assert.Equal(3, g.Trades);
            Assert.Equal(2.0 / 3, g.WinRate, 12);
            Assert.Equal(0.5, g.ShareOfLoss, 12);
            Assert.Equal(Bars - WindowStart, g.Days);
        }
        // Entry volatility over the 20 returns to the decision bar: none of the fall for the first trade (0), six fall
        // days for the second (decided at 76), two for the third (decided at 95, the rest a steeper rise).
        var vols = r.Trades.Where(t => t.Symbol == "AAA").Select(t => t.EntryVolatility).ToArray();
        Assert.True(vols[0] < 1e-9 && vols[2] > vols[0] && vols[1] > vols[2], string.Join(", ", vols));
        Assert.Equal(["low", "high", "mid"], r.Trades.Where(t => t.Symbol == "AAA").Select(t => t.VolatilityBucket));
        Assert.True(r.VolatilityLowMax > vols[0] && r.VolatilityLowMax < vols[2] && r.VolatilityMidMax >= vols[2] && r.VolatilityMidMax < vols[1]);
        var holding = r.GroupsOf(ErrorAnalysis.ByHolding);
        Assert.Equal(["3-5", "6-20"], holding.Select(g => g.Key));
        Assert.All(holding, g => Assert.Equal(0, g.Days));
        Assert.All(holding, g => Assert.True(double.IsNaN(g.DailyPnl)));
    }

    [Theory]
    [InlineData(0, "1-2")]
    [InlineData(2, "1-2")]
    [InlineData(3, "3-5")]
    [InlineData(5, "3-5")]
    [InlineData(6, "6-20")]
    [InlineData(20, "6-20")]
    [InlineData(21, "21+")]
    public void HoldingBucket_Boundaries(int bars, string bucket) => Assert.Equal(bucket, ErrorAnalysis.HoldingBucket(bars));

    [Fact]
    public void Run_BadInput_ClearErrors()
    {
        var market = Market(("AAA", "Tech"));
        var flat = ScriptedPolicy.Constant(0, Bars);
        Assert.Contains("at least one test set", Assert.Throws<ArgumentException>(() => ErrorAnalysis.Run(market, flat, [])).Message);
        var last = market["AAA"].Dates[^1];
        var late = new TestSet("late", TestSet.OutOfTime, ["AAA"], last.AddDays(10), last.AddDays(20));
        Assert.Contains("two or more bars", Assert.Throws<ArgumentException>(() => ErrorAnalysis.Run(market, flat, [late])).Message);
        var ex = Assert.Throws<ArgumentException>(() => ErrorAnalysis.Run(market, flat, [Window(market)], new ErrorAnalysisOptions { WhipsawDays = -1 }));
        Assert.Equal("WhipsawDays", ex.ParamName);
    }

    [Fact]
    public void Json_SnakeCaseIsoDatesAndNullForNaN()
    {
        var market = Market(("AAA", "Tech"));
        var r = ErrorAnalysis.Run(market, new ScriptedPolicy(Long((70, 74), (76, 89))), [Window(market)]);
        using var doc = System.Text.Json.JsonDocument.Parse(ErrorAnalysisJson.Serialize(r));
        var root = doc.RootElement;
        foreach (var key in new[] { "policy_id", "total_pnl", "daily_pnl", "groups", "top_losers", "whipsaws", "failing_slices", "volatility_low_max", "trade_count" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.False(root.TryGetProperty("trades", out _));
        Assert.Equal(r.Trades[0].EntryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("top_losers")[0].GetProperty("entry_date").GetString());
        var holding = root.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("grouping").GetString() == "holding");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, holding.GetProperty("daily_pnl").ValueKind);
        var csv = ErrorAnalysisTable.ToCsv(r).Split('\n');
        Assert.Equal(ErrorAnalysisTable.Header, csv[0]);
        Assert.Equal(r.Groups.Count + 2, csv.Length); // header, rows, trailing newline
    }
}
