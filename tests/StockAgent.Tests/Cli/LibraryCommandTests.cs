using System.Diagnostics;
using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

public class LibraryCommandTests
{
    private static string Library(TempFolder dir)
    {
        var path = dir.Combine("lib.db");
        var rng = new Random(21);
        using var lib = ExperienceLibrary.Open(path);
        lib.AppendBatch(TrajectoryFactory.Batch(), [
            .. Enumerable.Range(0, 3).Select(_ => TrajectoryFactory.Make(rng, symbol: "AAA", sector: "Energy", regime: "bull-low-vol")),
            .. Enumerable.Range(0, 2).Select(_ => TrajectoryFactory.Make(rng, symbol: "BBB", sector: "Utilities", regime: "bear-high-vol")),
        ]);
        return path;
    }

    [Fact]
    public void Stats_Text_ListsEverySymbolWithItsCount()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("library", "stats", "--library", Library(dir));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int header = lines.IndexOf("per symbol:");
        Assert.True(header >= 0, run.Stdout);
        Assert.Matches(@"^  AAA\s+3\s+60\.0%$", lines[header + 1]);
        Assert.Matches(@"^  BBB\s+2\s+40\.0%$", lines[header + 2]);
    }

    [Fact]
    public void Export_UnknownRegime_IsAnErrorNamingTheValidOnes()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("library", "export", "--library", Library(dir), "--regime", "bogus", "--out", dir.Combine("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: 'bogus' is not a regime; expected one of bull-low-vol, bull-high-vol,", run.Stderr);
        Assert.False(File.Exists(dir.Combine("out.csv")));
    }

    [Fact]
    public void Export_SectorNotInTheLibrary_IsAnErrorNamingItsSectors()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("library", "export", "--library", Library(dir), "--sector", "energy", "--out", dir.Combine("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("its sectors are Energy, Utilities", run.Stderr);
    }

    [Fact]
    public void Export_KnownRegime_WritesItsRows()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("library", "export", "--library", Library(dir), "--regime", "bear-high-vol", "--out", dir.Combine("out.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(3, File.ReadAllLines(dir.Combine("out.csv")).Length);
    }

    [Fact]
    public void Collect_ReadOnlyLibrary_ExitsTwoWithOneLineAndLeavesTheFileAlone()
    {
        using var dir = new TempFolder();
        var path = Library(dir);
        File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        var before = File.ReadAllBytes(path);

        var run = CliRunner.Run("collect", "--batch-size", "10", "--batches", "1", "--policy", "random", "--library", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: experience library '{path}' is read-only", run.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Collect_WhileAnotherProcessCollectsIntoTheSameLibrary_IsRefused()
    {
        using var dir = new TempFolder();
        var lib = dir.Combine("lib.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "StockAgent.Cli.dll"), "collect", "--batch-size", "200", "--batches", "1000", "--policy", "random", "--library", lib })
            psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        try
        {
            var clock = Stopwatch.StartNew();
            int batches = 0;
            while (batches < 1 && clock.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
            {
                Thread.Sleep(50);
                if (!File.Exists(lib)) continue;
                try
                {
                    using var reader = ExperienceLibrary.Open(lib, readOnly: true); // readers are never refused
                    batches = reader.Batches().Count;
                }
                catch (Exception e) when (e is IOException or InvalidDataException) { /* still being created */ }
            }
            Assert.False(child.HasExited, "the first collection finished before the second started");

            var second = CliRunner.Run("collect", "--batch-size", "10", "--batches", "1", "--policy", "random", "--library", lib);

            Assert.Equal(74, second.ExitCode);
            Assert.StartsWith($"error: experience library '{lib}' is open for writing elsewhere", second.Stderr);
            Assert.Single(second.Stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        using var after = ExperienceLibrary.Open(lib); // the killed writer's lock went with it
        Assert.DoesNotContain(after.Query(), t => t.Metadata.PolicyId != "random");
    }
}
