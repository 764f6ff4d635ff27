using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Tests.Experience;

public class CollectionTests
{
    private static readonly Lazy<(MarketData Market, ResolvedSplit Split)> Synthetic = new(() =>
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 24, Sectors = 6, Years = 8, Seed = 3 });
        var calendar = market.Series.Values.First().Dates;
        return (market, DataSplit.Default.Resolve(calendar, market.Symbols.ToArray()));
    });

    [Property(MaxTest = 10)]
    public Property Sampler_CoversRegimesAndSectorsInProportion() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            var (market, split) = Synthetic.Value;
            var sampler = new EpisodeSampler(market, split);
            var episodes = sampler.Sample(1200, seed);
            var regimes = episodes.Select(e => RegimeLabeler.Label(market[e.Symbol], e.StartBar, e.StartBar + e.Steps).ToString()).ToList();
            var sectors = episodes.Select(e => market.SectorOf(e.Symbol)).ToList();
            int nRegimes = sampler.CandidatesPerRegime.Count, nSectors = market.Sectors.Count();
            // Each stratum is drawn with probability 1/k, so its count is Binomial(1200, 1/k). Five standard
            // deviations keep a false alarm below 1e-6 per stratum (a 3.9-sigma band failed about once in 150 runs).
            static bool Balanced(IEnumerable<string> labels, int k)
            {
                double mean = 1200.0 / k, band = 5 * Math.Sqrt(1200.0 / k * (1 - 1.0 / k));
                var counts = labels.GroupBy(l => l).Select(g => g.Count()).ToList();
                return counts.Count == k && counts.All(c => Math.Abs(c - mean) < band);
            }
            bool regimeBalance = Balanced(regimes, nRegimes);
            bool sectorBalance = Balanced(sectors, nSectors);
            bool insideTraining = episodes.All(e => split.AllowsTraining(e.Symbol, market[e.Symbol].Dates[e.StartBar], market[e.Symbol].Dates[e.StartBar + e.Steps]));
            return (regimeBalance && sectorBalance && insideTraining)
                .Label($"regimes {string.Join(",", regimes.GroupBy(r => r).Select(g => g.Count()))}; sectors {string.Join(",", sectors.GroupBy(s => s).Select(g => g.Count()))}");
        });

    [Fact]
    public void Sampler_RegimeWeights_ShiftTheMix()
    {
        var (market, split) = Synthetic.Value;
        var weights = MarketRegime.All.ToDictionary(r => r, r => r.Trend == TrendRegime.Bull ? 3.0 : 1.0);
        var episodes = new EpisodeSampler(market, split, new SamplerOptions { RegimeWeights = weights }).Sample(1000, 1);
        int bull = episodes.Count(e => RegimeLabeler.Label(market[e.Symbol], e.StartBar, e.StartBar + e.Steps).Trend == TrendRegime.Bull);
        Assert.InRange(bull, 500, 700); // 6/10 expected
    }

    [Fact]
    public void Sampler_Groups_RepeatTheStartStateWithDifferentSeeds()
    {
        var (market, split) = Synthetic.Value;
        var episodes = new EpisodeSampler(market, split, new SamplerOptions { GroupSize = 4 }).Sample(40, 5);
        Assert.Equal(40, episodes.Count);
        foreach (var g in episodes.GroupBy(e => e.GroupId))
        {
            Assert.NotNull(g.Key);
            Assert.Equal(4, g.Count());
            Assert.Single(g.Select(e => (e.Symbol, e.StartBar)).Distinct());
            Assert.Equal(4, g.Select(e => e.Seed).Distinct().Count());
        }
    }

    [Fact]
    public void Collector_SameSeed_SameTrajectories_RegardlessOfParallelism()
    {
        var (market, split) = Synthetic.Value;
        var episodes = new EpisodeSampler(market, split, new SamplerOptions { GroupSize = 2 }).Sample(60, 9);
        var a = new ExperienceCollector(market).Collect(new RandomPolicy(), episodes);
        var b = new ExperienceCollector(market, new CollectorOptions { MaxParallelism = 1 }).Collect(new RandomPolicy(), episodes);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Actions, b[i].Actions);
            Assert.Equal(a[i].Equity, b[i].Equity);
            Assert.Equal(a[i].Observations, b[i].Observations);
            Assert.Equal(a[i].Reward, b[i].Reward);
        }
    }

    [Fact]
    public void Collector_TrajectoriesAreConsistentWithTheirStats()
    {
        var (market, split) = Synthetic.Value;
        var episodes = new EpisodeSampler(market, split).Sample(30, 2);
        foreach (var t in new ExperienceCollector(market).Collect(new MomentumPolicy(20, 5), episodes))
        {
            Assert.Equal(60, t.Steps);
            Assert.Equal(StockAgent.Features.MarketObservations.Names.Count, t.ObservationSize);
            Assert.Equal(10_000, t.Equity[0]);
            for (int i = 0; i + 1 < t.Steps; i++) Assert.Equal(t.Equity[i + 1] / t.Equity[i] - 1, t.Rewards[i], 12);
            Assert.Equal(t.Stats.Return, (t.Stats.Pnl + 10_000) / 10_000 - 1, 9);
            Assert.Equal(StockAgent.Rewards.RewardFunctions.Composite(t.Stats), t.Reward);
            Assert.Equal(market.SectorOf(t.Metadata.Symbol), t.Metadata.Sector);
            Assert.Equal("momentum", t.Metadata.PolicyId);
            Assert.Equal(t.Metadata.Regime, MarketRegime.Parse(t.Metadata.Regime).ToString());
        }
    }
}
