using StockAgent.Experience;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

public class LibraryReplayTests
{
    /// <summary>A library of 10 groups of 4 (ids 1..40, group g = ids 4g-3..4g), 3 ungrouped trajectories and a lone group member.</summary>
    private static ExperienceLibrary Library(TempFolder dir)
    {
        var rng = new Random(5);
        var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        var list = new List<Trajectory>();
        for (int g = 1; g <= 10; g++)
            for (int k = 0; k < 4; k++) list.Add(TrajectoryFactory.Make(rng, groupId: g, steps: 5));
        for (int k = 0; k < 3; k++) list.Add(TrajectoryFactory.Make(rng, steps: 5));
        list.Add(TrajectoryFactory.Make(rng, groupId: 99, steps: 5));
        lib.AppendBatch(TrajectoryFactory.Batch(), list);
        return lib;
    }

    [Fact]
    public void Groups_NewestWholeGroupsUpToTheLimit_LoneMembersDropped()
    {
        using var dir = new TempFolder();
        using var lib = Library(dir);

        var replay = new LibraryReplay(lib, maxTrajectories: 18, groups: true, unitsPerBatch: 2, seed: 1);

        Assert.Equal(16, replay.Trajectories); // 4 whole groups; a fifth would pass 18
        Assert.Equal(4, replay.Units);
        var seen = Enumerable.Range(1, 2).SelectMany(replay.Batch).Select(t => t.Metadata.GroupId!.Value).ToList();
        Assert.Equal([7L, 8, 9, 10], seen.Distinct().Order());          // one pass covers each group once
        Assert.All(seen.GroupBy(g => g), g => Assert.Equal(4, g.Count())); // whole groups
    }

    private static Trajectory Deterministic(Trajectory t) =>
        new(t.Metadata, t.Stats, t.Reward, t.ObservationSize, t.Observations, t.Actions, new double[t.Steps], t.Rewards, t.Exposures, t.Equity);

    [Fact]
    public void DeterministicPolicysTrajectories_AreLeftOut_AndAloneAreAClearError()
    {
        using var dir = new TempFolder();
        using var lib = Library(dir);
        var rng = new Random(9);
        // Two newer groups of 4 from a deterministic policy (every log-probability 0).
        lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 8).Select(k => Deterministic(TrajectoryFactory.Make(rng, groupId: 100 + k / 4, steps: 5))).ToList());

        var replay = new LibraryReplay(lib, maxTrajectories: 16, groups: true, unitsPerBatch: 4, seed: 1);
        Assert.Equal(8, replay.Deterministic);
        Assert.Equal(8, replay.Trajectories); // groups 9 and 10 remain of the newest 16
        Assert.All(replay.Batch(1), t => Assert.Contains(t.Metadata.GroupId!.Value, new long[] { 9, 10 }));

        var ex = Assert.Throws<InvalidDataException>(() => new LibraryReplay(lib, maxTrajectories: 8, groups: true, unitsPerBatch: 4, seed: 1));
        Assert.Contains("deterministic policies", ex.Message);
        Assert.Contains(lib.Path, ex.Message);
    }

    [Fact]
    public void Batch_SameSeed_SameBatches_AndPassesReshuffle()
    {
        using var dir = new TempFolder();
        using var lib = Library(dir);
        var a = new LibraryReplay(lib, 1000, true, 3, seed: 7);
        var b = new LibraryReplay(lib, 1000, true, 3, seed: 7);

        for (int i = 1; i <= 7; i++)
            Assert.Equal(a.Batch(i).Select(t => t.Metadata.Seed), b.Batch(i).Select(t => t.Metadata.Seed));
        Assert.Equal(12, a.Batch(4).Count); // 10 groups, 3 per batch: passes of 3 batches
    }

    [Fact]
    public void Episodes_TakeEveryTrajectory_NewestFirst()
    {
        using var dir = new TempFolder();
        using var lib = Library(dir);
        var replay = new LibraryReplay(lib, 5, groups: false, unitsPerBatch: 5, seed: 1);
        Assert.Equal(5, replay.Trajectories);
        Assert.Equal(5, replay.Batch(1).Count);
    }

    [Fact]
    public void NoGroups_ClearError()
    {
        using var dir = new TempFolder();
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.AppendBatch(TrajectoryFactory.Batch(), [TrajectoryFactory.Make(new Random(1), steps: 5)]);
        var ex = Assert.Throws<InvalidDataException>(() => new LibraryReplay(lib, 100, groups: true, unitsPerBatch: 4, seed: 1));
        Assert.Contains("no GRPO groups", ex.Message);
    }
}
