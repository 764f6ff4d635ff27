using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experiments;

/// <summary>Two robustness runs on a small synthetic market dated 2007-2009 (so the financial crisis is in it and the
/// other two windows are not): buy-and-hold and the seeded random policy, each recorded in its own registry.</summary>
public sealed class RobustnessFixture : IDisposable
{
    public RobustnessFixture()
    {
        Context = ExperimentContext.Load(new ExperimentSettings
        {
            Synthetic = new SyntheticMarketOptions { Symbols = 10, Sectors = 2, Years = 3, Start = new DateOnly(2007, 1, 1) },
            Split = new DataSplit { HeldOutFraction = 0.2 },
        });
        BuyAndHold = RobustnessRun.Run(Context, Settings("buy-and-hold"));
        Random = RobustnessRun.Run(Context, Settings("random"));
    }

    public TempFolder Folder { get; } = new();

    public ExperimentContext Context { get; }

    public RobustnessResult BuyAndHold { get; }

    public RobustnessResult Random { get; }

    private RobustnessSettings Settings(string model) => new()
    {
        Model = model,
        Resamples = 200,
        Registry = Folder.Combine(model + ".db"),
        ShockMarket = new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 2, Seed = 99, Start = new DateOnly(2011, 1, 3) },
    };

    public void Dispose() => Folder.Dispose();
}

public class RobustnessRunTests(RobustnessFixture f) : IClassFixture<RobustnessFixture>
{
    private static RobustnessRow Row(RobustnessResult r, string group, string scenarioStart) =>
        r.Rows.Single(x => x.Group == group && x.Scenario.StartsWith(scenarioStart, StringComparison.Ordinal));

    [Fact]
    public void Costs_X5_LowerReturnThanX1_ForATradingBaseline()
    {
        var x1 = Row(f.Random, RobustnessRun.CostsGroup, "costs x1 ");
        var x2 = Row(f.Random, RobustnessRun.CostsGroup, "costs x2 ");
        var x5 = Row(f.Random, RobustnessRun.CostsGroup, "costs x5 ");
        Assert.True(x1.Trades > 10, $"random made {x1.Trades} trades");
        Assert.True(x5.TotalReturn < x2.TotalReturn && x2.TotalReturn < x1.TotalReturn, $"{x1.TotalReturn} {x2.TotalReturn} {x5.TotalReturn}");
        Assert.Contains("25+25 bp", x5.Scenario);
    }

    [Fact]
    public void CrashShock_LowersBuyAndHoldsReturnInThatWindow()
    {
        var none = Row(f.BuyAndHold, RobustnessRun.ShockGroup, "no shock");
        var crash = Row(f.BuyAndHold, RobustnessRun.ShockGroup, "crash");
        Assert.Equal(none.From, crash.From);
        Assert.Equal(none.To, crash.To);
        // Every symbol ends the crash 30% lower and then moves as before: the buy-and-hold equity ends ~30% lower.
        Assert.InRange((1 + crash.TotalReturn) / (1 + none.TotalReturn), 0.65, 0.75);
        Assert.True(crash.MaxDrawdown > none.MaxDrawdown);
        Assert.All(f.BuyAndHold.Rows.Where(r => r.Group == RobustnessRun.ShockGroup), r => Assert.StartsWith("fresh synthetic market (seed 99)", r.Label));
        Assert.Equal(6, none.Symbols);
    }

    [Fact]
    public void PositionSizeHalf_HalvesExposure()
    {
        var full = Row(f.BuyAndHold, RobustnessRun.PositionSizeGroup, "position size 1");
        var half = Row(f.BuyAndHold, RobustnessRun.PositionSizeGroup, "position size 0.5");
        var quarter = Row(f.BuyAndHold, RobustnessRun.PositionSizeGroup, "position size 0.25");
        Assert.InRange(full.Exposure, 0.9, 1.0);
        Assert.InRange(half.Exposure / full.Exposure, 0.48, 0.52);
        Assert.InRange(quarter.Exposure / full.Exposure, 0.23, 0.27);
    }

    [Fact]
    public void CrisisWindows_PresentOnHeldOutSymbolsInTime_AbsentReported()
    {
        var rows = f.BuyAndHold.Rows.Where(r => r.Group == RobustnessRun.CrisisGroup).ToList();
        Assert.Equal(3, rows.Count);
        var gfc = Row(f.BuyAndHold, RobustnessRun.CrisisGroup, "financial crisis");
        Assert.True(gfc.InData);
        Assert.True(gfc.From >= new DateOnly(2007, 10, 1) && gfc.To <= new DateOnly(2009, 3, 31));
        Assert.Equal(f.Context.Resolved.HeldOutSymbols.Count, gfc.Symbols);
        Assert.Contains("in-time", gfc.Label);
        Assert.True(double.IsFinite(gfc.SharpeCi95.Low), "a 370-day window gets an interval");
        foreach (var absent in new[] { "dot-com", "covid" })
        {
            var r = Row(f.BuyAndHold, RobustnessRun.CrisisGroup, absent);
            Assert.False(r.InData);
            Assert.StartsWith("not in the data", r.Note);
            Assert.True(double.IsNaN(r.Sharpe));
        }
    }

    [Fact]
    public void Seeds_DeterministicPolicyHasSdZero_RandomPolicyVaries()
    {
        Assert.True(f.BuyAndHold.Seeds.Deterministic);
        Assert.Equal(0, f.BuyAndHold.Seeds.SdSharpe);
        Assert.Equal(5, f.BuyAndHold.Seeds.Seeds);
        Assert.False(f.Random.Seeds.Deterministic);
        Assert.True(f.Random.Seeds.SdTotalReturn > 0);
        var seeds = f.Random.Rows.Where(r => r.Group == RobustnessRun.SeedsGroup).Select(r => r.TotalReturn).ToArray();
        Assert.Equal(StockAgent.Statistics.MetricsCalculator.Mean(seeds), f.Random.Seeds.MeanTotalReturn, 12);
    }

    [Fact]
    public void Registry_GetsEveryScoredRow()
    {
        using var registry = ExperimentRegistry.Open(f.Random.Registry!, readOnly: true);
        var trials = registry.Trials();
        int scored = f.Random.Rows.Count(r => double.IsFinite(r.Sharpe));
        Assert.Equal(scored, f.Random.Recorded);
        Assert.Equal(scored, trials.Count);
        Assert.All(trials, t => Assert.Equal(RobustnessRun.RegistryKind, t.Kind));
        Assert.Equal(trials.Count, trials.Select(t => t.ConfigHash).Distinct().Count());
        Assert.Contains(trials, t => t.DataFingerprint == f.Context.Data.Fingerprint);
        Assert.Contains(trials, t => t.DataFingerprint != f.Context.Data.Fingerprint); // the shocks' fresh markets
    }

    [Fact]
    public void Grids_AreOnTheOutOfTimeTestSet()
    {
        foreach (var g in new[] { RobustnessRun.PositionSizeGroup, RobustnessRun.StopLossGroup, RobustnessRun.CostsGroup, RobustnessRun.SeedsGroup })
            Assert.All(f.BuyAndHold.Rows.Where(r => r.Group == g), r =>
            {
                Assert.Equal(TestSet.OutOfTime, r.Label);
                Assert.True(r.From >= f.Context.Resolved.TestStart);
            });
        Assert.Equal(4, f.BuyAndHold.Rows.Count(r => r.Group == RobustnessRun.StopLossGroup));
    }

    [Fact]
    public void Run_UnknownModel_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => RobustnessRun.Run(f.Context, new RobustnessSettings { Model = "no-such-model", Resamples = 10 }));
        Assert.Contains("'no-such-model' is neither a baseline", ex.Message);
    }
}

public class SyntheticShockTests
{
    private static readonly MarketData Market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 2, Sectors = 1, Years = 2, Seed = 3 });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_LeavesEarlierBarsUntouched_KeepsBarShape(int which)
    {
        var shock = SyntheticShock.Defaults[which];
        var s = Market["S001"];
        var start = s.Dates[300];
        var shocked = shock.Apply(Market, start)["S001"];
        for (int t = 0; t < 300; t++)
        {
            Assert.Equal(s.Close[t], shocked.Close[t]);
            Assert.Equal(s.Open[t], shocked.Open[t]);
        }
        for (int t = 300; t < s.Count; t++)
        {
            Assert.Equal(s.Open[t] / s.Close[t], shocked.Open[t] / shocked.Close[t], 12);
            Assert.True(shocked.High[t] >= Math.Max(shocked.Open[t], shocked.Close[t]) && shocked.Low[t] <= Math.Min(shocked.Open[t], shocked.Close[t]));
        }
    }

    [Fact]
    public void Crash_EndsThirtyPercentLower_ThenMovesAsBefore()
    {
        var s = Market["S002"];
        var shocked = SyntheticShock.Crash.Apply(Market, s.Dates[300])["S002"];
        Assert.Equal(0.7, shocked.Close[309] / s.Close[309], 12);
        Assert.Equal(0.7, shocked.Close[^1] / s.Close[^1], 12);
        Assert.Equal(0.7, SyntheticShock.Crash.Apply(Market, s.Dates[300]).Benchmark!.Close[^1] / Market.Benchmark!.Close[^1], 12);
    }

    [Fact]
    public void VolatilitySpike_TriplesDeviations_SidewaysHasZeroDrift()
    {
        var s = Market["S001"];
        var spike = SyntheticShock.VolatilitySpike.Apply(Market, s.Dates[300])["S001"];
        static double Sd(double[] c, int from, int to) => StockAgent.Statistics.MetricsCalculator.StdDev(Enumerable.Range(from, to - from).Select(t => Math.Log(c[t] / c[t - 1])).ToArray());
        Assert.Equal(3, Sd(spike.Close, 300, 340) / Sd(s.Close, 300, 340), 9);
        var grind = SyntheticShock.SidewaysGrind.Apply(Market, s.Dates[300])["S001"];
        for (int t = 300; t < 420; t++) Assert.Equal(Math.Log(s.Close[t] / s.Close[t - 1]) * 0.3, Math.Log(grind.Close[t] / s.Close[299]), 9);
    }
}
