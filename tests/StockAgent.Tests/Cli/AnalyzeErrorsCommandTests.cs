using System.Globalization;
using System.Text.Json;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

/// <summary>`stockagent analyze-errors` end to end on the synthetic default: a baseline, a tiny trained model, the
/// corrective batch and its count in `library stats`, and one clear line for bad input.</summary>
[Collection(TorchCollection.Name)]
public class AnalyzeErrorsCommandTests
{
    [Fact]
    public void Baseline_PrintsTheTables_WritesJsonAndCsv_AndCollectsCorrectiveTrajectories()
    {
        using var dir = new TempFolder();
        var lib = dir.Combine("lib.db");
        var run = CliRunner.Run("analyze-errors", "--model", "random", "--top", "3", "--out", dir.Combine("out"), "--corrective", "25", "--library", lib);

        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var table in new[] { "by regime", "by sector", "by volatility", "by holding", "largest losing trades (top 3)", "whipsaws (next trade on the symbol within 5 trading days", "failing slices (regime at entry, sector; worst first):" })
            Assert.Contains(table, run.Stdout);
        Assert.Contains("corrective: 25 trajectories of 60 days", run.Stdout);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("out/errors.json")));
        var root = json.RootElement;
        Assert.Equal("random", root.GetProperty("policy_id").GetString());
        Assert.Equal(3, root.GetProperty("top_losers").GetArrayLength());
        Assert.Equal(25, root.GetProperty("corrective").GetProperty("trajectories").GetInt32());
        Assert.True(root.GetProperty("failing_slices").GetArrayLength() > 0);
        double total = root.GetProperty("total_pnl").GetDouble();
        var csv = File.ReadAllLines(dir.Combine("out/errors_by_group.csv"));
        Assert.Equal("grouping,key,trades,win_rate,total_pnl,mean_pnl,share_of_loss,days,daily_pnl", csv[0]);
        double regimeSum = csv.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "regime").Sum(f => double.Parse(f[4], CultureInfo.InvariantCulture));
        Assert.Equal(total, regimeSum, 6);

        var stats = CliRunner.Run("library", "stats", "--library", lib, "--json");
        Assert.True(stats.ExitCode == 0, stats.Stderr);
        using var s = JsonDocument.Parse(stats.Stdout);
        Assert.Equal(25, s.RootElement.GetProperty("corrective").GetInt32());
        Assert.Equal(25, s.RootElement.GetProperty("trajectories").GetInt32());
        Assert.Contains("corrective: 25", CliRunner.Run("library", "stats", "--library", lib).Stdout);
    }

    [Fact]
    public void TrainedModel_RunFolder_IsAnalysed_AndInSampleIsRefused()
    {
        using var dir = new TempFolder();
        string model;
        using (var session = TrainingSession.Create(ExperimentContext.Load(), new SftOptions { Epochs = 1, Hidden = [16], LoraRank = 4, Seed = 3, ValidateEvery = 1 },
                   new TrainingSessionSettings { OutputRoot = dir.Path }))
            model = session.Run().RunDirectory;

        var run = CliRunner.Run("analyze-errors", "--model", "model:" + model, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("neural-sft", json.RootElement.GetProperty("policy_id").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("sets").GetArrayLength());
        Assert.Equal(40, json.RootElement.GetProperty("backtests").GetInt32());

        var inSample = CliRunner.Run("analyze-errors", "--model", "model:" + model, "--test-days", "2000");
        Assert.Equal(2, inSample.ExitCode);
        Assert.StartsWith("error: test set 'test period'", inSample.Stderr);
        Assert.Contains("overlaps the training data", inSample.Stderr);
        Assert.Single(inSample.Stderr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "--model", "no-such-strategy" }, "error: unknown strategy 'no-such-strategy'")]
    [InlineData(new[] { "--model", "model:/no/such/model" }, "error: model folder '/no/such/model' does not exist.")]
    [InlineData(new[] { "--model", "random", "--from", "2031-01-01" }, "error: test set 'test period'")]
    [InlineData(new[] { "--model", "random", "--from", "01/02/2019" }, "error: --from: '01/02/2019' is not a date (expected yyyy-MM-dd).")]
    [InlineData(new[] { "--model", "random", "--whipsaw-days", "-1" }, "error: --whipsaw-days: whipsaw days must be between 0 and 1,000 (got -1).")]
    [InlineData(new[] { "--model", "random", "--test-days", "1" }, "error: --test-days: test days must be between 2")]
    [InlineData(new[] { "--model", "random", "--corrective", "-5" }, "error: --corrective: corrective must be between 0")]
    public void BadInput_OneClearLine(string[] args, string expected)
    {
        var run = CliRunner.Run(["analyze-errors", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }
}
