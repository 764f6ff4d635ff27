using Microsoft.Data.Sqlite;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Rewards;
using StockAgent.Statistics;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

/// <summary>Every collected episode carries its buy-and-hold benchmark (equal to a real <see cref="BuyAndHoldPolicy"/>
/// backtest of its bars) and its differential Sharpe ratio; the experience library stores them, and an older library
/// without them reads NaN and gains the columns when opened for writing.</summary>
public class BenchmarkStatsTests
{
    private static readonly Lazy<MarketData> Market = new(() =>
        SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 4, Sectors = 2, Years = 2, Seed = 9 }));

    private static IReadOnlyList<Trajectory> Collect(CollectorOptions options, IPolicy? policy = null)
    {
        var market = Market.Value;
        var episodes = market.Symbols.SelectMany((s, k) => new[] { new EpisodeSpec(s, 60 + 13 * k, 60, null, k), new EpisodeSpec(s, 250 + 7 * k, 40, null, 10 + k) }).ToArray();
        return new ExperienceCollector(market, options).Collect(policy ?? new RandomPolicy(), episodes);
    }

    public static TheoryData<double, double, double> Settings => new() { { 10_000, 1.0, 5 }, { 2_500, 0.6, 25 }, { 100_000, 1.0, 0 } };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Benchmark_EqualsABuyAndHoldBacktestOfTheSameBars(double cash, double positionSize, double bps)
    {
        var options = new CollectorOptions { InitialCash = cash, PositionSize = positionSize, Costs = CostModel.FromBps(bps, bps), MaxParallelism = 1 };
        var backtest = new BacktestOptions { InitialCash = cash, PositionSize = positionSize, Costs = options.Costs };
        foreach (var t in Collect(options))
        {
            var series = Market.Value[t.Metadata.Symbol];
            int start = series.IndexOnOrAfter(t.Metadata.Start), end = series.IndexOnOrAfter(t.Metadata.End);
            var real = Backtester.Run(new BuyAndHoldPolicy(), series, backtest, start, end);
            var m = real.Metrics();
            Assert.Equal(m.TotalReturn, t.Stats.BenchmarkReturn, 1e-12);
            Assert.Equal(m.Sharpe, t.Stats.BenchmarkSharpe, 1e-12);
            Assert.True(m.Trades == 1 && real.Shares[1] > 0, "buy-and-hold bought at the first decision's fill and sold at the end");
            Assert.Equal(real.Equity, BuyAndHoldBenchmark.Run(series, backtest, start, end).Equity);
            Assert.Equal(DifferentialSharpeRatio.Sum(t.Rewards), t.Stats.DifferentialSharpe, 1e-12);
            Assert.True(double.IsFinite(t.Stats.DifferentialSharpe));
        }
    }

    [Fact]
    public void Benchmark_OfAFlatPolicy_IsNotItsReturn_AndExcessRewardsSeeIt()
    {
        var flat = new SmaCrossoverPolicy(5, 20, new ActionSpace([0.0])); // always 0: never invested
        foreach (var t in Collect(new CollectorOptions(), flat))
        {
            Assert.Equal(0, t.Stats.Return);
            Assert.Equal(-t.Stats.BenchmarkReturn, RewardFunctions.ExcessReturn(t.Stats), 12);
            Assert.Equal(0, t.Stats.DifferentialSharpe);
        }
    }

    [Fact]
    public void Library_StoresTheBenchmarkFields_AndAnOlderLibraryReadsNaN_ThenGainsTheColumns()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        var collected = Collect(new CollectorOptions());
        using (var library = ExperienceLibrary.Open(path))
        {
            library.AppendBatch(TrajectoryFactory.Batch(), collected);
            var loaded = library.Load(library.Query().Select(s => s.Id));
            Assert.Equal(collected.Select(t => t.Stats), loaded.Select(t => t.Stats));
        }
        // Make it a version-1 library, as an older kit wrote it.
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE trajectories DROP COLUMN benchmark_return; ALTER TABLE trajectories DROP COLUMN benchmark_sharpe; " +
                              "ALTER TABLE trajectories DROP COLUMN differential_sharpe; PRAGMA user_version = 1;";
            cmd.ExecuteNonQuery();
        }
        using (var old = ExperienceLibrary.Open(path, readOnly: true))
        {
            var stats = old.Load(old.TopByReward(5, balancedByRegime: true).Select(s => s.Id)).Select(t => t.Stats).ToList();
            Assert.NotEmpty(stats);
            Assert.All(stats, s => Assert.True(double.IsNaN(s.BenchmarkReturn) && double.IsNaN(s.BenchmarkSharpe) && double.IsNaN(s.DifferentialSharpe)));
            var ex = Assert.Throws<InvalidDataException>(() => RewardFunctions.ByName("excess-sharpe")(stats[0]));
            Assert.Contains("excess-sharpe", ex.Message);
            Assert.Contains("Collect the episodes again", ex.Message);
        }
        using (var migrated = ExperienceLibrary.Open(path))
        {
            migrated.AppendBatch(TrajectoryFactory.Batch(2), collected.Take(2).ToList());
            var all = migrated.Query();
            Assert.Equal(collected.Count + 2, all.Count);
            Assert.All(all.Take(collected.Count), s => Assert.True(double.IsNaN(s.Stats.BenchmarkReturn)));
            Assert.Equal(collected.Take(2).Select(t => t.Stats), all.Skip(collected.Count).Select(s => s.Stats));
        }
        using (var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            Assert.Equal(ExperienceLibrary.SchemaVersion, Convert.ToInt32(cmd.ExecuteScalar()));
        }
    }
}
