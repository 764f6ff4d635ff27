using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

public class SectorRegimeCountsTests
{
    [Fact]
    public void SectorRegimeCounts_CountsEveryPairOnce_InSectorThenRegimeOrder_AgreeingWithTheQueries()
    {
        using var dir = new TempFolder();
        var rng = new Random(5);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        Assert.Empty(lib.SectorRegimeCounts());
        var list = new List<Trajectory>();
        // i even: bull-low-vol, odd: bear-high-vol; i % 3 == 0: Energy (10 of 30, 5 of each regime), else Utilities (10 + 10).
        for (int i = 0; i < 30; i++)
            list.Add(TrajectoryFactory.Make(rng, regime: i % 2 == 0 ? "bull-low-vol" : "bear-high-vol", sector: i % 3 == 0 ? "Energy" : "Utilities", steps: 2));
        lib.AppendBatch(TrajectoryFactory.Batch(), list);
        lib.AppendBatch(TrajectoryFactory.Batch(2), [TrajectoryFactory.Make(rng, regime: "sideways-high-vol", sector: "Energy", steps: 2)]);

        var counts = lib.SectorRegimeCounts();

        Assert.Equal(
            [("Energy", "bear-high-vol", 5), ("Energy", "bull-low-vol", 5), ("Energy", "sideways-high-vol", 1), ("Utilities", "bear-high-vol", 10), ("Utilities", "bull-low-vol", 10)],
            counts);
        foreach (var (sector, regime, count) in counts)
            Assert.Equal(count, lib.Count(new TrajectoryQuery { Sector = sector, Regime = regime }));
        Assert.Equal(lib.Count(), counts.Sum(c => c.Count));
    }
}
