using System.Text.Json;
using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

/// <summary>The built CLI, run as a child process with globalization on and a German or Thai locale, still reads and
/// writes numbers and dates in the invariant culture (with de_DE "0.5" would read as 5 and "0,5" as 0.5; with th_TH
/// years would be Buddhist-era, 2553 for 2010).</summary>
public class CultureTests
{
    private static ProcessRunner.Result Run(string locale, params string[] args) =>
        ProcessRunner.RunDll("StockAgent.Cli.dll", args, environment: new Dictionary<string, string>
        {
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
            ["DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY"] = "0",
            ["LANG"] = locale,
            ["LC_ALL"] = locale,
        });

    [IcuFact]
    public void German_DecimalPointIsAPointAndACommaIsRefused()
    {
        using var dir = new TempFolder();

        var info = Run("de_DE.UTF-8", "info");
        var point = Run("de_DE.UTF-8", "data", "synth", "--symbols", "2", "--sectors", "1", "--years", "1", "--signal", "0.5", "--out", dir.Combine("m"));
        var comma = Run("de_DE.UTF-8", "data", "synth", "--symbols", "2", "--sectors", "1", "--years", "1", "--signal", "0,5", "--out", dir.Combine("c"));

        Assert.True(info.ExitCode == 0, info.Stderr);
        Assert.Contains("culture: de-DE from the environment", info.Stdout); // the locale really took effect
        Assert.True(point.ExitCode == 0, point.Stderr);
        Assert.Equal(2, comma.ExitCode);
        Assert.Contains("0,5", comma.Stderr);
        Assert.False(Directory.Exists(dir.Combine("c")));
        Assert.StartsWith("date,open,high,low,close,volume", File.ReadLines(dir.Combine("m/S001.csv")).First());
        Assert.Matches(@"^2010-01-04,\d+(\.\d+)?(E[-+]?\d+)?,", File.ReadLines(dir.Combine("m/S001.csv")).Skip(1).First());
    }

    [IcuFact]
    public void Thai_DatesInTextJsonAndCsvStayGregorian()
    {
        using var dir = new TempFolder();
        var lib = dir.Combine("lib.db");
        using (var l = ExperienceLibrary.Open(lib))
            l.AppendBatch(TrajectoryFactory.Batch(), Enumerable.Range(0, 5).Select(_ => TrajectoryFactory.Make(new Random(3))).ToList());

        var info = Run("th_TH.UTF-8", "info");
        var synth = Run("th_TH.UTF-8", "data", "synth", "--symbols", "2", "--sectors", "1", "--years", "1", "--out", dir.Combine("m"));
        var validate = Run("th_TH.UTF-8", "data", "validate", dir.Combine("m"), "--json");
        var stats = Run("th_TH.UTF-8", "library", "stats", "--library", lib, "--json");
        var statsText = Run("th_TH.UTF-8", "library", "stats", "--library", lib);
        var export = Run("th_TH.UTF-8", "library", "export", "--library", lib, "--out", dir.Combine("out.csv"));

        Assert.Contains("culture: th-TH from the environment", info.Stdout);
        foreach (var run in new[] { synth, validate, stats, statsText, export }) Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("2010-01-04..", synth.Stdout);
        using (var doc = JsonDocument.Parse(validate.Stdout))
            Assert.Equal("2010-01-04", doc.RootElement.GetProperty("files")[0].GetProperty("first").GetString());
        using (var doc = JsonDocument.Parse(stats.Stdout))
        {
            Assert.StartsWith("20", doc.RootElement.GetProperty("first_date").GetString());
            Assert.StartsWith("20", doc.RootElement.GetProperty("batches")[0].GetProperty("created").GetString());
        }
        Assert.Matches(@"windows 20\d\d-\d\d-\d\d\.\.20\d\d-\d\d-\d\d", statsText.Stdout);
        Assert.DoesNotMatch(@"25\d\d-\d\d-\d\d", statsText.Stdout);
        var row = File.ReadLines(dir.Combine("out.csv")).Skip(1).First().Split(',');
        Assert.Matches(@"^20\d\d-\d\d-\d\d$", row[4]);
        Assert.Matches(@"^-?\d+(\.\d+)?(E[-+]?\d+)?$", row[13]); // pnl
    }

    [Fact]
    public void CommaInAFractionalOption_IsRefusedInAnyCulture()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "synth", "--symbols", "2", "--sectors", "1", "--years", "1", "--signal", "0,5", "--out", dir.Combine("m"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --signal: '0,5' is not a number; write decimals with a point (0.5)", run.Stderr);
        Assert.False(Directory.Exists(dir.Combine("m")));
    }
}
