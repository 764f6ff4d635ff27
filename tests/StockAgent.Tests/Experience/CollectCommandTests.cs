using System.Diagnostics;
using System.Text.Json;
using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

public class CollectCommandTests
{
    [Fact]
    public void Collect_ThenStats_OnTheSyntheticDefault()
    {
        using var dir = new TempFolder();
        var lib = dir.Combine("lib.db");

        var collect = CliRunner.Run("collect", "--batch-size", "200", "--batches", "2", "--policy", "random", "--library", lib, "--json", "--group-size", "4");
        var stats = CliRunner.Run("library", "stats", "--library", lib, "--json");

        Assert.True(collect.ExitCode == 0, collect.Stderr);
        Assert.True(stats.ExitCode == 0, stats.Stderr);
        using var doc = JsonDocument.Parse(stats.Stdout);
        Assert.Equal(400, doc.RootElement.GetProperty("trajectories").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("batches").GetArrayLength());
        Assert.Equal(6, doc.RootElement.GetProperty("per_regime").EnumerateObject().Count());
        Assert.Equal(6, doc.RootElement.GetProperty("per_sector").EnumerateObject().Count());
        Assert.Equal(100, doc.RootElement.GetProperty("groups").GetInt32());
    }

    [Fact]
    public void Collect_SameSeedIntoFreshLibraries_GivesIdenticalContents()
    {
        using var dir = new TempFolder();
        foreach (var name in new[] { "a.db", "b.db" })
            Assert.Equal(0, CliRunner.Run("collect", "--batch-size", "50", "--batches", "2", "--policy", "random", "--library", dir.Combine(name), "--seed", "5").ExitCode);
        using var a = ExperienceLibrary.Open(dir.Combine("a.db"), readOnly: true);
        using var b = ExperienceLibrary.Open(dir.Combine("b.db"), readOnly: true);
        var ta = a.Load(a.Query().Select(t => t.Id));
        var tb = b.Load(b.Query().Select(t => t.Id));
        Assert.Equal(100, ta.Count);
        for (int i = 0; i < ta.Count; i++)
        {
            Assert.Equal(ta[i].Metadata, tb[i].Metadata);
            Assert.Equal(ta[i].Actions, tb[i].Actions);
            Assert.Equal(ta[i].Observations, tb[i].Observations);
        }
    }

    [Theory]
    [InlineData(new[] { "--policy", "magic" }, "unknown strategy 'magic'")]
    [InlineData(new[] { "--policy", "model:/no/model" }, "--policy: model folder '/no/model' does not exist")]
    [InlineData(new[] { "--reward", "alpha" }, "--reward: unknown reward 'alpha'")]
    [InlineData(new[] { "--batch-size", "0" }, "--batch-size: batch size must be between 1 and 100,000 (got 0)")]
    [InlineData(new[] { "--batch-size", "2147483647" }, "--batch-size: batch size must be between 1 and 100,000 (got 2,147,483,647)")]
    [InlineData(new[] { "--window", "1" }, "--window: window must be between 2 and 10,000")]
    [InlineData(new[] { "--split", "/no/split.yaml" }, "/no/split.yaml")]
    public void Collect_BadArguments_ExitTwoWithOneLine(string[] args, string expected)
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run(["collect", "--library", dir.Combine("lib.db"), .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.False(File.Exists(dir.Combine("lib.db"))); // bad input is refused before the library is touched
    }

    [Fact]
    public void LibraryStats_MissingLibrary_ExitTwo()
    {
        var run = CliRunner.Run("library", "stats", "--library", "/tmp/no-such-library-stockagent.db");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr);
    }

    [Fact]
    public void Collect_KilledWithSigkill_LeavesWholeBatchesAndCarriesOn()
    {
        using var dir = new TempFolder();
        var lib = dir.Combine("lib.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "StockAgent.Cli.dll"), "collect", "--batch-size", "300", "--batches", "400", "--policy", "random", "--library", lib })
            psi.ArgumentList.Add(a);
        using (var child = Process.Start(psi)!)
        {
            var clock = Stopwatch.StartNew();
            int batches = 0;
            while (batches < 3 && clock.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
            {
                Thread.Sleep(50);
                if (!File.Exists(lib)) continue;
                try
                {
                    using var reader = ExperienceLibrary.Open(lib, readOnly: true);
                    batches = reader.Batches().Count;
                }
                catch (Exception e) when (e is IOException or InvalidDataException) { /* still being created */ }
            }
            Assert.False(child.HasExited, "the collection finished before it could be killed");
            child.Kill(entireProcessTree: true); // SIGKILL
            child.WaitForExit();
        }

        using (var after = ExperienceLibrary.Open(lib))
        {
            var stats = after.Stats();
            Assert.True(stats.Batches.Count >= 3);
            foreach (var b in stats.Batches)
                Assert.Equal(b.Trajectories, after.Count(new TrajectoryQuery { BatchId = b.Id }));
            Assert.Equal(stats.Batches.Sum(b => b.Trajectories), stats.Trajectories);
        }
        int before;
        using (var l = ExperienceLibrary.Open(lib, readOnly: true)) before = l.Batches().Count;

        var again = CliRunner.Run("collect", "--batch-size", "100", "--batches", "1", "--policy", "random", "--library", lib);

        Assert.True(again.ExitCode == 0, again.Stderr);
        using var final = ExperienceLibrary.Open(lib, readOnly: true);
        Assert.Equal(before + 1, final.Batches().Count);
    }
}
