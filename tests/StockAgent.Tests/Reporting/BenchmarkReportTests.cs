using System.Globalization;
using System.Text.Json;
using StockAgent.Experiments;
using StockAgent.Reporting;
using StockAgent.Tests.Experiments;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>The benchmark report's content: the plan's template, numbers equal to the evaluation record's, goal
/// verdicts that flip at the goal, in-sample rows marked.</summary>
[Collection(TorchCollection.Name)]
public sealed class BenchmarkReportTests : IClassFixture<EvaluatedRuns>, IDisposable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly EvaluatedRuns _runs;
    private readonly TempFolder _dir = new();
    private readonly string _json;

    public BenchmarkReportTests(EvaluatedRuns runs)
    {
        _runs = runs;
        var report = EvaluationRun.Run(runs.Context, new EvaluationSettings { Models = [runs.Models[0]], Resamples = 200, Seed = 4 });
        _json = EvaluationRecord.Write(report, _dir.Combine("evaluation"));
    }

    public void Dispose() => _dir.Dispose();

    private BenchmarkSources Sources(ReportGoals? goals = null) => new()
    {
        Evaluation = EvaluationRecord.Load(_json),
        EvaluationFile = _json,
        Run = new RunSummary(_dir.Path, "stockagent continuous-training --quick", "done", "session budget of 4 spent", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
            95, 4012, 8, 4, 24, null, false,
            [new MilestonePoint(new DateTimeOffset(2026, 12, 1, 10, 0, 5, TimeSpan.Zero), 500, null, null),
             new MilestonePoint(new DateTimeOffset(2026, 12, 1, 10, 0, 30, TimeSpan.Zero), 1000, 0.4, 0.5)]),
        TrainingRuns = TrainingRunSummary.ReadAll(_runs.Runs),
        Coverage = [new CoverageCell("Tech", "bull_low_vol", 10), new CoverageCell("Energy", "bear_high_vol", 3)],
        Goals = goals ?? ReportGoals.Plan,
        Published = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
    };

    private static string Md(BenchmarkSources s) => BenchmarkMarkdown.Render(BenchmarkReport.Build(s, charts: false));

    [Fact]
    public void Markdown_FollowsThePlansTemplate()
    {
        var md = Md(Sources());
        string[] sections = ["# StockAgent benchmark report: ", "_Published 2026-12-01 12:00 UTC · test period ", "## Summary", "### Goals", "## Methodology",
            "## Performance Metrics", "## The pipeline's life", "## Limitations", "## Reproducibility"];
        int at = -1;
        foreach (var section in sections)
        {
            int next = md.IndexOf(section, StringComparison.Ordinal);
            Assert.True(next > at, $"'{section}' is missing or out of order");
            at = next;
        }
        foreach (var text in new[] { "Total trajectories | 4,012", "Training iterations | 24 in 4 sessions", "LoRA adapters of rank 4", "fingerprint `", "embargo of ", "held out from training",
                     "Survivorship bias", "commission 5 bps", "Minimum track record length", "stockagent continuous-training --quick", "Data fingerprint: `", "SPY" })
            Assert.True(md.Contains(text, StringComparison.Ordinal) || (text is "SPY" && md.Contains("MKT buy-and-hold")), $"the report lacks '{text}'");
        Assert.Contains("sma-crossover 50/200", md);
        Assert.Contains("buy-and-hold (equal weight)", md);
    }

    /// <summary>Each test set's table row of each candidate: its Sharpe, interval, win rate, trades, returns, drawdown,
    /// profit factor, p-value, PSR and DSR as the evaluation JSON holds them.</summary>
    [Fact]
    public void EveryNumberInTheMetricsTables_EqualsTheEvaluationJson()
    {
        var md = Md(Sources());
        using var doc = JsonDocument.Parse(File.ReadAllText(_json));
        int checkedRows = 0;
        foreach (var set in doc.RootElement.GetProperty("test_sets").EnumerateArray())
        {
            string name = set.GetProperty("name").GetString()!;
            int section = md.IndexOf($"### {name} (", StringComparison.Ordinal);
            Assert.True(section >= 0, $"no section for test set '{name}'");
            var lines = md[section..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith("| Policy", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
            foreach (var result in set.GetProperty("results").EnumerateArray())
            {
                string candidate = result.GetProperty("name").GetString()!;
                var cells = lines.Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).Single(c => c[0] == candidate);
                var s = result.GetProperty("statistics");
                var ci = s.GetProperty("ci95");
                Assert.Equal(WithInterval(s, ci, "sharpe", Ratio), cells[1]);
                Assert.Equal(WithInterval(s, ci, "win_rate", Percent), cells[2]);
                Assert.Equal(s.GetProperty("trades").GetInt32().ToString("N0", C), cells[3]);
                Assert.Equal(WithInterval(s, ci, "cagr", Percent), cells[4]);
                Assert.Equal(WithInterval(s, ci, "total_return", Percent), cells[5]);
                Assert.Equal(WithInterval(s, ci, "max_drawdown", Percent), cells[6]);
                Assert.Equal(Ratio(s.GetProperty("profit_factor")), cells[7]);
                if (result.GetProperty("kind").GetString() != "benchmark")
                    Assert.Equal(PValue(s.GetProperty("sharpe_difference").GetProperty("p_value")), cells[8]);
                Assert.Equal(Ratio(s.GetProperty("psr")), cells[9]);
                Assert.Equal(Ratio(s.GetProperty("dsr")), cells[10]);
                Assert.Equal(result.GetProperty("label").GetString(), cells[11]);
                checkedRows++;
            }
        }
        Assert.Equal(3 * 5, checkedRows); // three test sets x (model, three baselines, the benchmark)
    }

    [Fact]
    public void AGoalVerdict_FlipsWhenItsNumberCrossesTheGoal()
    {
        var agent = BenchmarkReport.Build(Sources(), charts: false).Agent.Statistics;
        Assert.True(double.IsFinite(agent.Sharpe) && double.IsFinite(agent.MaxDrawdown) && double.IsFinite(agent.TotalReturn), "the fixture's model must trade");

        GoalVerdict Goal(ReportGoals goals, string name) => BenchmarkReport.Build(Sources(goals), charts: false).Goals.Single(g => g.Goal.StartsWith(name, StringComparison.Ordinal));
        Assert.True(Goal(ReportGoals.Plan with { Sharpe = agent.Sharpe - 0.01 }, "Sharpe").Met);
        Assert.False(Goal(ReportGoals.Plan with { Sharpe = agent.Sharpe + 0.01 }, "Sharpe").Met);
        Assert.True(Goal(ReportGoals.Plan with { MaxDrawdown = agent.MaxDrawdown + 0.001 }, "Max drawdown").Met);
        Assert.False(Goal(ReportGoals.Plan with { MaxDrawdown = agent.MaxDrawdown - 0.001 }, "Max drawdown").Met);
        Assert.True(Goal(ReportGoals.Plan with { TotalReturn = agent.TotalReturn - 0.001 }, "Total return").Met);
        Assert.False(Goal(ReportGoals.Plan with { Trajectories = 4013 }, "Trajectories").Met);
        Assert.True(Goal(ReportGoals.Plan with { Trajectories = 4012 }, "Trajectories").Met);

        var winRate = Goal(ReportGoals.Plan with { WinRate = -0.01, MinTrades = agent.Trades }, "Win rate");
        Assert.Equal(agent.Trades > 0 && double.IsFinite(agent.WinRate), winRate.Met);
        Assert.False(Goal(ReportGoals.Plan with { WinRate = -0.01, MinTrades = agent.Trades + 1 }, "Win rate").Met); // too few trades: not met
        var easy = new ReportGoals(0, agent.Sharpe - 1, -0.01, agent.TotalReturn - 1, 1.01, -1, 0);
        var allMet = BenchmarkReport.Build(Sources(easy), charts: false);
        Assert.Equal(double.IsNaN(agent.WinRate) || double.IsNaN(agent.ProfitFactor), !allMet.GoalsMet);
        var md = Md(Sources());
        Assert.Contains("**Goals not met**", md);
        Assert.Contains(string.Create(C, $"| Sharpe ratio (annualised) | > 1.50 | {agent.Sharpe:F2} [{agent.Ci95.Sharpe.Low:F2}, {agent.Ci95.Sharpe.High:F2}] | {(agent.Sharpe > 1.5 ? "met" : "not met")} |"), md);
        if (allMet.GoalsMet) Assert.Contains("**All goals met**", BenchmarkMarkdown.Render(allMet));
    }

    [Fact]
    public void InSampleResults_AreMarked()
    {
        var sources = Sources();
        var ev = sources.Evaluation;
        var first = ev.Sets[0];
        var relabelled = ev with { Sets = [first with { Scores = [first.Scores[0] with { Label = "IN-SAMPLE" }, .. first.Scores.Skip(1)] }, .. ev.Sets.Skip(1)] };
        var md = Md(sources with { Evaluation = relabelled });

        Assert.Contains("**IN-SAMPLE**: the agent trained on part of this test set", md);
        Assert.Contains($"IN-SAMPLE rows: {first.Scores[0].Name} on {first.Set.Name}", md);
        Assert.Contains("| IN-SAMPLE |", md);
        var clean = Md(sources);
        Assert.DoesNotContain("| IN-SAMPLE |", clean);
        Assert.DoesNotContain("**IN-SAMPLE**", clean);
        Assert.DoesNotContain("IN-SAMPLE rows", clean);
    }

    [Fact]
    public void AnEvaluationWithoutAnAgent_OrWithoutReturns_IsHandledPlainly()
    {
        var sources = Sources();
        var ev = sources.Evaluation;
        var baselinesOnly = ev with { Sets = ev.Sets.Select(s => s with { Scores = s.Scores.Where(x => x.Kind is "baseline" or "benchmark").ToList() }).ToList() };
        var ex = Assert.Throws<ArgumentException>(() => BenchmarkReport.Build(sources with { Evaluation = baselinesOnly }));
        Assert.Contains("scores no trained model", ex.Message);

        // Without returns.csv the report still has every table, and no per-set charts.
        var noReturns = ev with { Sets = ev.Sets.Select(s => s with { Scores = s.Scores.Select(x => x with { Returns = null }).ToList() }).ToList() };
        var report = BenchmarkReport.Build(sources with { Evaluation = noReturns });
        Assert.DoesNotContain(report.Blocks.OfType<ReportChart>(), c => c.Caption.StartsWith("Equity curves", StringComparison.Ordinal));
        Assert.Equal(3, report.Blocks.OfType<ReportTable>().Count(t => t.Header[0] == "Policy"));
    }

    private static string Ratio(JsonElement e) => e.ValueKind == JsonValueKind.Null ? "n/a" : e.GetDouble().ToString("F2", C);

    private static string Percent(JsonElement e) => e.ValueKind == JsonValueKind.Null ? "n/a" : (e.GetDouble() * 100).ToString("F1", C) + "%";

    private static string PValue(JsonElement e) => e.ValueKind == JsonValueKind.Null ? "n/a" : e.GetDouble() < 0.001 ? "< 0.001" : e.GetDouble().ToString("F3", C);

    private static string WithInterval(JsonElement s, JsonElement ci, string name, Func<JsonElement, string> f)
    {
        var i = ci.GetProperty(name);
        var (low, high) = (i.GetProperty("low"), i.GetProperty("high"));
        return low.ValueKind == JsonValueKind.Null || high.ValueKind == JsonValueKind.Null ? f(s.GetProperty(name)) : $"{f(s.GetProperty(name))} [{f(low)}, {f(high)}]";
    }
}
