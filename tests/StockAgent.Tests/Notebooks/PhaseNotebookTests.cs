using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

/// <summary>Runs the research notebooks as committed, headless on the real .NET Interactive kernel, on the synthetic
/// market at the small scale CI uses (STOCKAGENT_SCALE=small); the executed copy must hold its charts as Plotly HTML, its DataFrames as HTML tables and no error.</summary>
public class PhaseNotebookTests
{
    /// <summary>Runs notebooks/<paramref name="name"/>.ipynb with STOCKAGENT_OUT = <paramref name="dir"/>; returns what it
    /// printed and the HTML of every output.</summary>
    private static (string Stdout, string Html) Run(string name, TempFolder dir)
    {
        var executed = dir.Combine(name + "-executed.ipynb");
        var run = NotebookRun.Run(Path.Combine(RepoPaths.Root, "notebooks", name + ".ipynb"), executed,
            new Dictionary<string, string> { ["STOCKAGENT_OUT"] = dir.Path, ["STOCKAGENT_SCALE"] = "small" });
        Assert.True(run.ExitCode == 0, run.Stderr);
        var cells = NotebookRun.Cells(executed);
        Assert.Empty(NotebookRun.Errors(cells));
        return (run.Stdout, NotebookRun.Html(cells));
    }

    [Fact]
    public void DataCollectionNotebook_RunsAndShowsCoverage()
    {
        using var dir = new TempFolder();
        var (stdout, html) = Run("01-data-collection", dir);

        Assert.Contains("500 trajectories collected and stored", stdout);
        Assert.True(File.Exists(dir.Combine("phase1-notebook.db")));
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("Trajectories per regime", html);
        Assert.Contains("bull-high-vol", html);
        Assert.Contains("<table", html);
    }

    [Fact]
    public void TrainingNotebook_RunsSftAndGrpoAndCharts()
    {
        using var dir = new TempFolder();
        var (stdout, html) = Run("02-training", dir);

        Assert.Contains("2 GRPO iterations: reward", stdout);
        Assert.Contains("validation Sharpe: SFT", stdout);
        // The notebook trains through the same sessions as `stockagent train`: run folders with run.json and the best model.
        foreach (var pattern in new[] { "rl_sft_run_*", "rl_grpo_run_*" })
        {
            var run = Directory.GetDirectories(dir.Path, pattern).Single();
            Assert.True(File.Exists(Path.Combine(run, "run.json")), run);
            Assert.True(File.Exists(Path.Combine(run, "models", "best", "model.json")), run);
        }
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("GRPO: mean episode reward per iteration", html);
        Assert.Contains("Validation Sharpe", html);
        Assert.Contains("<table", html);
        // The levers: a portfolio-level, cross-sectional, five-action, volatility-targeted model, SFT then GRPO on excess Sharpe.
        Assert.Contains("portfolio GRPO: 2 iterations, reward", stdout);
        Assert.Contains("portfolio model: 28 inputs, actions {0, 0.25, 0.5, 0.75, 1}", stdout);
        foreach (var pattern in new[] { "rl_sft_run_*", "rl_grpo_run_*" })
            Assert.Single(Directory.GetDirectories(Path.Combine(dir.Path, "levers"), pattern));
        Assert.Contains("sweep levers: 30 configurations x 1 seed(s), random search", stdout);
    }

    [Fact]
    public void ValidationNotebook_TrainsWhenNoModel_EvaluatesAgainstBaselines_ChartsAndConcludes()
    {
        using var dir = new TempFolder();
        var (stdout, html) = Run("03-validation", dir);

        // No run in the fresh folder: the notebook trained a small SFT model through a training session, then scored it.
        Assert.Contains("no trained run on this market", stdout);
        Assert.Single(Directory.GetDirectories(dir.Path, "rl_sft_run_*"));
        Assert.Contains("3 test sets x 5 candidates, 200 resamples each", stdout);
        // The comparison, significance and slice tables as HTML DataFrames, with the labels and intervals.
        Assert.Contains("<table", html);
        foreach (var column in new[] { "sharpe_low", "sharpe_high", "p_vs_benchmark", "jkm_p", "ledoit_wolf_p", "min_track_record_days", "annual_return" })
            Assert.Contains(column, html);
        Assert.Contains("out-of-time and out-of-symbol", html);
        // The charts as Plotly HTML.
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("Bootstrap Sharpe ratio", html);
        Assert.Contains("Monte Carlo max drawdown", html);
        Assert.Contains("annualised Sharpe per regime", html);
        Assert.Contains("annualised Sharpe per sector", html);
        // One registered trial: the notebook says plainly why there is no DSR.
        Assert.Contains("no DSR: ", stdout);
        Assert.Contains("the deflated Sharpe ratio needs at least two", stdout);
        // The conclusion is computed: one verdict per test set.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(stdout, @"/best (beats|does NOT beat) MKT buy-and-hold: Sharpe -?\d").Count);
        // Robustness: the rows and the seeds' summary as DataFrames (crisis windows outside the synthetic market say so),
        // the Sharpe chart with error bars, and a summary computed from the result, recorded in the run's registry.
        foreach (var column in new[] { "scenario", "exposure", "mean_sharpe", "sd_total_return" })
            Assert.Contains(column, html);
        Assert.Contains("costs x5", html);
        Assert.Contains("not in the data", html);
        Assert.Contains("annualised Sharpe per scenario (95% bootstrap interval)", html);
        Assert.Contains("\"error_y\":{\"visible\":true", html);
        Assert.Matches(@"\d+ of \d+ configurations had data, \d+ recorded in .*experiments\.db; over 3 seeds: Sharpe -?\d+\.\d\d ± \d+\.\d\d", stdout);
        // Error analysis: groups by regime and sector, the top losers, whipsaws and failing slices as DataFrames, the P&L chart.
        foreach (var column in new[] { "share_of_loss", "daily_pnl", "holding_days", "exit_reason", "within_days", "re_entries" })
            Assert.Contains(column, html);
        Assert.Contains("P&L by regime", html);
        Assert.Matches(@"\d+ closed trades in \d+ backtests .*; \d+ whipsaws within 5 days \(\d+ lost, P&L -?[\d,.]+\); \d+ failing \(regime, sector\) slices", stdout);
    }

    [Fact]
    public void BenchmarkReportNotebook_RunsTheQuickPipeline_ShowsTheCharts_AndPublishesTheReport()
    {
        using var dir = new TempFolder();
        var executed = dir.Combine("04-executed.ipynb");
        var run = NotebookRun.Run(Path.Combine(RepoPaths.Root, "notebooks", "04-benchmark-report.ipynb"), executed, new Dictionary<string, string>
        {
            ["STOCKAGENT_RUN"] = dir.Combine("run"), ["STOCKAGENT_OUT"] = dir.Combine("report"), ["STOCKAGENT_SCALE"] = "small",
        });
        Assert.True(run.ExitCode == 0, run.Stderr);
        var cells = NotebookRun.Cells(executed);
        Assert.Empty(NotebookRun.Errors(cells));
        var html = NotebookRun.Html(cells);

        // No finished run in the fresh folder: the notebook ran the quick pipeline there, through the library call the CLI makes.
        Assert.Contains("no finished run in ", html + run.Stdout);
        Assert.Equal("done", System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.Combine("run/training_state.json"))).RootElement.GetProperty("status").GetString());
        // The goals and metrics tables as DataFrames, every report chart inline as Plotly HTML.
        Assert.Contains("<table", html);
        foreach (var text in new[] { "verdict", "Sharpe [95%]", "p vs benchmark", "Growth of 1", "Underwater: drawdown", "Rolling 63-day Sharpe", "Monthly returns",
                     "Bootstrap distribution of the annualised Sharpe ratio", "Monte Carlo distribution of the maximum drawdown", "Pipeline milestones", "Trajectory coverage", "Training curves" })
            Assert.Contains(text, html);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(html, "Plotly.newPlot").Count >= 20, "the report's charts are drawn inline");
        // The report, published where the settings cell says.
        var md = File.ReadAllText(dir.Combine("report/benchmark.md"));
        Assert.Contains("## Summary", md);
        Assert.Contains("## Reproducibility", md);
        Assert.Contains(run.Stdout.Contains("**All goals met**", StringComparison.Ordinal) ? "**All goals met**" : "**Goals not met**", run.Stdout);
        Assert.True(new FileInfo(dir.Combine("report/benchmark.html")).Length > 3_000_000, "plotly.js is inline");
    }
}
