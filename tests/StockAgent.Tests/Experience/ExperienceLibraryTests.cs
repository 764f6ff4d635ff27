using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Rewards;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

public class ExperienceLibraryTests
{
    [Fact]
    public void AppendBatch_ThenLoad_RoundTripsEveryField()
    {
        using var dir = new TempFolder();
        var rng = new Random(1);
        var original = Enumerable.Range(0, 5).Select(_ => TrajectoryFactory.Make(rng, groupId: 77)).ToList();
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));

        long batch = lib.AppendBatch(TrajectoryFactory.Batch(), original);
        var summaries = lib.Query();
        var loaded = lib.Load(summaries.Select(s => s.Id));

        Assert.Equal(5, lib.Count());
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(original[i].Metadata with { BatchId = batch }, loaded[i].Metadata);
            Assert.Equal(original[i].Stats, loaded[i].Stats);
            Assert.Equal(original[i].Reward, loaded[i].Reward);
            Assert.Equal(original[i].Observations, loaded[i].Observations);
            Assert.Equal(original[i].Actions, loaded[i].Actions);
            Assert.Equal(original[i].LogProbs, loaded[i].LogProbs);
            Assert.Equal(original[i].Rewards, loaded[i].Rewards);
            Assert.Equal(original[i].Equity, loaded[i].Equity);
        }
    }

    [Fact]
    public void AppendBatch_FailureMidBatch_LeavesNoRowOfThatBatch()
    {
        using var dir = new TempFolder();
        var rng = new Random(2);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 3).Select(_ => TrajectoryFactory.Make(rng)).ToList());

        lib.BeforeInsert = i => { if (i == 5) throw new IOException("disk full (simulated)"); };
        Assert.Throws<IOException>(() => lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 10).Select(_ => TrajectoryFactory.Make(rng)).ToList()));
        lib.BeforeInsert = null;

        Assert.Equal(3, lib.Count());
        Assert.Single(lib.Batches());
    }

    [Fact]
    public void AppendBatch_NonFiniteReward_IsRejectedWholly()
    {
        using var dir = new TempFolder();
        var rng = new Random(3);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        var batch = new[] { TrajectoryFactory.Make(rng), TrajectoryFactory.Make(rng, reward: double.NaN) };

        var ex = Assert.Throws<ArgumentException>(() => lib.AppendBatch(TrajectoryFactory.Batch(), batch));

        Assert.Contains("non-finite reward", ex.Message);
        Assert.Equal(0, lib.Count());
    }

    [Fact]
    public void RecomputeRewards_RewritesFromStoredStats()
    {
        using var dir = new TempFolder();
        var rng = new Random(4);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        var list = Enumerable.Range(0, 20).Select(_ => TrajectoryFactory.Make(rng)).ToList();
        lib.AppendBatch(TrajectoryFactory.Batch(), list);

        int n = lib.RecomputeRewards(RewardFunctions.Pnl, "pnl");

        Assert.Equal(20, n);
        foreach (var s in lib.Query()) Assert.Equal(s.Stats.Pnl, s.Reward, 9);
    }

    [Fact]
    public void Queries_FilterByMetadataAndReward()
    {
        using var dir = new TempFolder();
        var rng = new Random(5);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        var list = new List<Trajectory>();
        for (int i = 0; i < 30; i++)
            list.Add(TrajectoryFactory.Make(rng, regime: i % 2 == 0 ? "bull-low-vol" : "bear-high-vol", reward: i / 30.0,
                symbol: i % 3 == 0 ? "AAA" : "BBB", sector: i % 3 == 0 ? "Energy" : "Utilities", groupId: i < 12 ? i / 4 : null));
        lib.AppendBatch(TrajectoryFactory.Batch(), list);

        Assert.Equal(15, lib.Count(new TrajectoryQuery { Regime = "bull-low-vol" }));
        Assert.Equal(10, lib.Count(new TrajectoryQuery { Symbol = "AAA" }));
        Assert.Equal(10, lib.Count(new TrajectoryQuery { Sector = "Energy" }));
        Assert.Equal(15, lib.Count(new TrajectoryQuery { MinReward = 0.5 }));
        Assert.Equal(3, lib.Groups().Count);
        Assert.All(lib.Groups().Values, g => Assert.Equal(4, g.Count));
        var top = lib.TopByReward(3);
        Assert.Equal([29 / 30.0, 28 / 30.0, 27 / 30.0], top.Select(t => t.Reward));
        Assert.Equal(lib.Sample(7, 9).Select(t => t.Id), lib.Sample(7, 9).Select(t => t.Id));
        Assert.Equal(7, lib.Sample(7, 9).Count);
    }

    [Fact]
    public void OutlierFilter_DropsRewardsFarFromTheMean()
    {
        using var dir = new TempFolder();
        var rng = new Random(6);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        var list = Enumerable.Range(0, 50).Select(i => TrajectoryFactory.Make(rng, reward: 0.5 + (i % 5) * 0.01)).ToList();
        list.Add(TrajectoryFactory.Make(rng, reward: 50));
        lib.AppendBatch(TrajectoryFactory.Batch(), list);

        Assert.Equal(50, lib.Count(new TrajectoryQuery { MaxRewardZScore = 3 }));
    }

    private static Arbitrary<(int Seed, int Size, int N)> LibraryShapes() =>
        (from seed in Gen.Choose(0, 100_000) from size in Gen.Choose(20, 200) from n in Gen.Choose(6, 60) select (seed, size, n)).ToArbitrary();

    [Property(MaxTest = 15)]
    public Property TopByReward_Balanced_GivesEachRegimeAnEqualShare() =>
        Prop.ForAll(LibraryShapes(), c =>
        {
            using var dir = new TempFolder();
            var rng = new Random(c.Seed);
            using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
            lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, c.Size).Select(_ => TrajectoryFactory.Make(rng, steps: 2, observationSize: 1)).ToList());
            var available = lib.Query().GroupBy(t => t.Metadata.Regime).ToDictionary(g => g.Key, g => g.Count());
            int per = Math.Max(1, c.N / available.Count);

            var top = lib.TopByReward(c.N, balancedByRegime: true);

            var got = top.GroupBy(t => t.Metadata.Regime).ToDictionary(g => g.Key, g => g.Count());
            bool shares = available.All(kv => got.GetValueOrDefault(kv.Key) == Math.Min(per, kv.Value));
            bool best = top.GroupBy(t => t.Metadata.Regime).All(g =>
                g.Min(t => t.Reward) >= lib.Query(new TrajectoryQuery { Regime = g.Key }).OrderByDescending(t => t.Reward).Take(g.Count()).Min(t => t.Reward));
            return (shares && best).Label($"available {string.Join(",", available)}; got {string.Join(",", got)}");
        });

    [Fact]
    public void TrajectoryFrames_AgreeWithRawRows()
    {
        using var dir = new TempFolder();
        var rng = new Random(8);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 12).Select(_ => TrajectoryFactory.Make(rng)).ToList());
        var rows = lib.Query();

        var df = TrajectoryFrames.ToDataFrame(rows);
        var steps = TrajectoryFrames.StepsToDeedle(lib.Load([rows[3].Id])[0]);

        Assert.Equal(12, df.Rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Id, (long)df["id"][i]!);
            Assert.Equal(rows[i].Metadata.Regime, (string)df["regime"][i]!);
            Assert.Equal(rows[i].Reward, (double)df["reward"][i]!);
        }
        var full = lib.Load([rows[3].Id])[0];
        Assert.Equal(full.Steps, steps.RowCount);
        Assert.Equal(full.Equity[10], steps.GetColumn<double>("equity")[10]);
        Assert.Equal(full.Observations[10 * full.ObservationSize + 2], (float)steps.GetColumn<double>("obs_2")[10]);
    }

    [Fact]
    public void ExportCsv_WritesOneRowPerTrajectory()
    {
        using var dir = new TempFolder();
        var rng = new Random(9);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 4).Select(_ => TrajectoryFactory.Make(rng)).ToList());

        Assert.Equal(4, lib.ExportCsv(dir.Combine("out.csv")));
        var lines = File.ReadAllLines(dir.Combine("out.csv"));
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("id,batch_id,symbol,sector", lines[0]);
    }

    [Fact]
    public void Open_NewerSchema_IsRefusedAndTheFileIsUntouched()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        using (var lib = ExperienceLibrary.Open(path)) { }
        using (var c = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<InvalidDataException>(() => ExperienceLibrary.Open(path));

        Assert.Contains("schema version 99", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_NotADatabase_IsAClearErrorAndTheFileIsUntouched()
    {
        using var dir = new TempFolder();
        var path = dir.File("lib.db", "this is a CSV, not a database\n1,2,3\n");

        var ex = Assert.Throws<InvalidDataException>(() => ExperienceLibrary.Open(path));

        Assert.Contains("not an experience library", ex.Message);
        Assert.Equal("this is a CSV, not a database\n1,2,3\n", File.ReadAllText(path));
    }

    [Fact]
    public void Open_CorruptDatabase_IsAClearError()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        using (var lib = ExperienceLibrary.Open(path))
            lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 50).Select(_ => TrajectoryFactory.Make(new Random(1))).ToList());
        var bytes = File.ReadAllBytes(path);
        for (int i = 4096; i < bytes.Length; i++) bytes[i] = 0xAB;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.ThrowsAny<Exception>(() => { using var lib = ExperienceLibrary.Open(path); lib.Stats(); });

        Assert.True(ex is InvalidDataException or IOException, ex.GetType().Name + ": " + ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Open_ReadOnlyMissing_SaysSo()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ExperienceLibrary.Open("/tmp/does-not-exist-stockagent.db", readOnly: true));
        Assert.Contains("stockagent collect", ex.Message);
    }

    [Fact]
    public async Task Reader_QueriesWhileAWriterAppends()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        using var writer = ExperienceLibrary.Open(path);
        var rng = new Random(10);
        writer.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 10).Select(_ => TrajectoryFactory.Make(rng)).ToList());
        using var reader = ExperienceLibrary.Open(path, readOnly: true);
        var counts = new List<int>();

        var write = Task.Run(() =>
        {
            var r = new Random(11);
            for (int b = 0; b < 10; b++)
                writer.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 50).Select(_ => TrajectoryFactory.Make(r)).ToList());
        });
        while (!write.IsCompleted) counts.Add(reader.Count());
        await write;
        counts.Add(reader.Count());

        Assert.All(counts, c => Assert.True((c - 10) % 50 == 0, $"a reader saw {c}: part of a batch"));
        Assert.Equal(510, counts[^1]);
    }

    [Fact]
    public void Open_ReadOnlyFileForWriting_IsRefusedAndTheFileIsUntouched()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        using (var lib = ExperienceLibrary.Open(path))
            lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 3).Select(_ => TrajectoryFactory.Make(new Random(12))).ToList());
        File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        var before = File.ReadAllBytes(path);
        var written = File.GetLastWriteTimeUtc(path);
        var files = Directory.GetFiles(dir.Path).Order().ToArray();

        var ex = Assert.Throws<UnauthorizedAccessException>(() => ExperienceLibrary.Open(path));

        Assert.Contains($"experience library '{path}' is read-only", ex.Message);
        Assert.Contains("The file was not changed", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(files, Directory.GetFiles(dir.Path).Order().ToArray()); // no -wal, -shm or lock file appeared
        using var reader = ExperienceLibrary.Open(path, readOnly: true);
        Assert.Equal(3, reader.Count());
    }

    [Fact]
    public void Open_SecondWriter_IsRefusedWhileTheFirstIsOpenAndReadersAreNot()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("lib.db");
        var rng = new Random(13);

        using (var first = ExperienceLibrary.Open(path))
        {
            first.AppendBatch(TrajectoryFactory.Batch(), [TrajectoryFactory.Make(rng)]);

            var ex = Assert.Throws<IOException>(() => ExperienceLibrary.Open(path));
            using var reader = ExperienceLibrary.Open(path, readOnly: true);

            Assert.Contains($"experience library '{path}' is open for writing elsewhere", ex.Message);
            Assert.Contains("same batch seeds", ex.Message);
            Assert.Equal(1, reader.Count());
            first.AppendBatch(TrajectoryFactory.Batch(), [TrajectoryFactory.Make(rng)]); // the refused open left the writer intact
        }

        using var again = ExperienceLibrary.Open(path);
        again.AppendBatch(TrajectoryFactory.Batch(), [TrajectoryFactory.Make(rng)]);
        Assert.Equal(3, again.Count());
        Assert.Equal(3, again.Batches().Count);
    }

    [Fact]
    public void Open_FolderInsteadOfAFile_NamesIt()
    {
        using var dir = new TempFolder();

        var ex = Assert.Throws<ArgumentException>(() => ExperienceLibrary.Open(dir.Path));

        Assert.Contains("is a folder, not a file", ex.Message);
        Assert.Equal("path", ex.ParamName);
    }

    [Fact]
    public void Query_UnknownRegime_IsAnErrorNamingTheValidOnes()
    {
        using var dir = new TempFolder();
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.AppendBatch(TrajectoryFactory.Batch(), [TrajectoryFactory.Make(new Random(14), regime: "bull-high-vol")]);

        var ex = Assert.Throws<FormatException>(() => lib.ExportCsv(dir.Combine("out.csv"), new TrajectoryQuery { Regime = "bogus" }));

        Assert.Contains("'bogus' is not a regime", ex.Message);
        foreach (var regime in MarketRegime.All) Assert.Contains(regime.ToString(), ex.Message);
        Assert.False(File.Exists(dir.Combine("out.csv")));
        Assert.Equal(1, lib.Count(new TrajectoryQuery { Regime = "Bull-High-Vol" })); // case does not matter
    }

    [Theory]
    [InlineData(13, typeof(IOException), "the disk is full")]
    [InlineData(8, typeof(UnauthorizedAccessException), "cannot be written")]
    [InlineData(5, typeof(IOException), "is locked by another process")]
    [InlineData(19, typeof(SqliteException), "constraint")] // anything else is a bug and stays what it is
    public void AppendBatch_SqliteFailure_SaysWhatHappenedAndStoresNothing(int code, Type expected, string message)
    {
        using var dir = new TempFolder();
        var rng = new Random(15);
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"));
        lib.BeforeInsert = i => { if (i == 2) throw new SqliteException($"simulated {(code == 19 ? "constraint" : "failure")}", code); };

        var ex = Assert.Throws(expected, () => lib.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 4).Select(_ => TrajectoryFactory.Make(rng)).ToList()));

        Assert.Contains(message, ex.Message);
        if (code != 19) Assert.Contains(lib.Path, ex.Message);
        lib.BeforeInsert = null;
        Assert.Equal(0, lib.Count());
        Assert.Empty(lib.Batches());
    }
}
