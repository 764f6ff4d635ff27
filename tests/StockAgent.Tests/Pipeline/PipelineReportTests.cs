using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>The pipeline publishes its benchmark report as it ends, and `stockagent report` makes the same one from
/// the run folder's records.</summary>
[Collection(TorchCollection.Name)]
public class PipelineReportTests(PublishedRun run) : IClassFixture<PublishedRun>
{
    [Fact]
    public void TheFinishedRun_PublishedBothFiles_AndItsStateNamesTheReport()
    {
        Assert.Equal(PipelineStatus.Done, run.State.Status);
        Assert.Equal(run.Html, run.State.Report);
        Assert.Equal(run.Html, PipelineState.TryLoad(run.Folder)!.Report);
        var md = File.ReadAllText(run.Markdown);
        Assert.Contains("**Goals not met**", md); // the goals were set out of reach
        Assert.Contains("| Trajectories collected | ≥ 100,000 |", md);
        Assert.Contains("`stockagent continuous-training --tiny`", md);
        Assert.Contains("| Status | done (session budget of 2 spent) |", md);
        var html = File.ReadAllText(run.Html);
        Assert.Contains("<table", html);
        Assert.DoesNotContain("<script src=", html); // plotly.js is inline
        Assert.Contains("Milestones", html);
    }

    [Fact]
    public void ReportCommand_RebuildsTheReportFromTheRecords()
    {
        using var dir = new TempFolder();
        var result = CliRunner.Run("report", "--run", run.Folder, "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("goals not met", result.Stdout);
        Assert.Contains("Sharpe ratio (annualised): ", result.Stdout);
        // The same report but for its publication time.
        static string Body(string text) => text[text.IndexOf("## Summary", StringComparison.Ordinal)..];
        Assert.Equal(Body(File.ReadAllText(run.Markdown)), Body(File.ReadAllText(dir.Combine(PipelineReport.MarkdownFile))));
        Assert.True(File.Exists(dir.Combine(PipelineReport.HtmlFile)));

        // An evaluation record alone: the same performance tables, no pipeline section.
        var alone = CliRunner.Run("report", "--evaluation", Path.Combine(run.Folder, "evaluation"), "--out", dir.Combine("alone"));
        Assert.True(alone.ExitCode == 0, alone.Stderr);
        var md = File.ReadAllText(dir.Combine("alone/benchmark.md"));
        Assert.DoesNotContain("## The pipeline's life", md);
        Assert.Contains("| Trajectories collected | ≥ 10,000 | no pipeline run | not measured |", md);
    }

    [Theory]
    [InlineData("nowhere", "run folder", "does not exist")]
    [InlineData("empty", "holds no training_state.json", "not a continuous-training run folder")]
    public void ReportCommand_BadRunFolder_OneErrorLine_Exit2_NothingWritten(string folder, string message1, string message2)
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.Combine("empty"));
        var result = CliRunner.Run("report", "--run", dir.Combine(folder));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(message1, result.Stderr);
        Assert.Contains(message2, result.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path, "benchmark.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void ReportCommand_WithoutRunOrEvaluation_OrOnACorruptRecord_IsAClearError()
    {
        var none = CliRunner.Run("report");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--run or --evaluation", none.Stderr);

        using var dir = new TempFolder();
        var bad = dir.File("evaluation.json", "{\"format\": 1, \"data\": 3}");
        var corrupt = CliRunner.Run("report", "--evaluation", bad);
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains(bad, corrupt.Stderr);
        Assert.Contains("not an evaluation record", corrupt.Stderr);
        Assert.Equal(["evaluation.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
