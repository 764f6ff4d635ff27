using System.Globalization;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Reporting;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>The notebook views of an evaluation (frames, charts, the computed conclusion) on a small synthetic market
/// scored with the baselines only, and the run finder the notebooks use to pick a model.</summary>
public class EvaluationReportingTests
{
    private static readonly ExperimentSettings Small = new()
    {
        Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5 },
    };

    private static readonly Lazy<EvaluationReport> Report = new(() =>
        EvaluationRun.Run(ExperimentContext.Load(Small), new EvaluationSettings { Resamples = 50, Seed = 3 }));

    [Fact]
    public void Frames_HoldOneRowPerCandidateWithTheReportsNumbers()
    {
        foreach (var set in Report.Value.Sets)
        {
            var comparison = EvaluationFrames.Comparison(set);
            Assert.Equal(set.Scores.Count, comparison.Rows.Count);
            for (int i = 0; i < set.Scores.Count; i++)
            {
                var e = set.Scores[i].Statistics;
                Assert.Equal(set.Scores[i].Name, comparison["candidate"][i]);
                Assert.Equal(set.Scores[i].Label, comparison["label"][i]);
                Assert.Equal(e.Sharpe, (double)comparison["sharpe"][i]!);
                Assert.Equal(e.Ci95.Sharpe.Low, (double)comparison["sharpe_low"][i]!);
                Assert.Equal(e.Ci95.Sharpe.High, (double)comparison["sharpe_high"][i]!);
                Assert.Equal(e.Trades, (int)comparison["trades"][i]!);
            }
            var significance = EvaluationFrames.Significance(set);
            var benchmarked = set.Scores.Select((s, i) => (s, i)).First(x => x.s.Statistics.SharpeDifference is not null);
            Assert.Equal(benchmarked.s.Statistics.SharpeDifference!.PValue, (double)significance["jkm_p"][benchmarked.i]!);
            Assert.Equal(set.Scores.Sum(s => s.Slices.Count), EvaluationFrames.Slices(set).Rows.Count);
        }
    }

    [Fact]
    public void Frames_NaNBecomesNull()
    {
        var set = Report.Value.Sets[0];
        var frame = EvaluationFrames.Comparison(set);
        // The DSR needs registered trials; there are none here, so every DSR is NaN and shows as null.
        Assert.All(set.Scores, s => Assert.True(double.IsNaN(s.Statistics.Dsr)));
        Assert.Equal(set.Scores.Count, frame["dsr"].NullCount);
    }

    [Fact]
    public void Conclusion_FollowsTheNumbers()
    {
        var set = Report.Value.Sets[0];
        var candidate = set.Scores.First(s => s.Name == EvaluationRun.EqualWeightBuyAndHold);
        var bench = set.Scores.Single(s => s.Kind == "benchmark");
        var e = candidate.Statistics;
        bool beats = e.Sharpe > bench.Statistics.Sharpe && e.SharpeDifference!.PValue < 0.05;
        var text = EvaluationConclusion.Of(set, candidate.Name);
        Assert.Contains(beats ? " beats " : " does NOT beat ", text);
        Assert.Contains(e.Sharpe.ToString("F2", CultureInfo.InvariantCulture), text);
        Assert.Contains(bench.Statistics.Sharpe.ToString("F2", CultureInfo.InvariantCulture), text);
        Assert.Contains($"p = {e.SharpeDifference!.PValue.ToString("F3", CultureInfo.InvariantCulture)}", text);
        Assert.Contains($"[{candidate.Label}]", text);
        Assert.Contains("no DSR", text);
        // alpha = 1 - tiny makes any higher Sharpe "significant": the verdict then follows the Sharpe order alone.
        var loose = EvaluationConclusion.Of(set, candidate.Name, alpha: 0.999999);
        Assert.Contains(e.Sharpe > bench.Statistics.Sharpe && e.SharpeDifference.PValue < 0.999999 ? " beats " : " does NOT beat ", loose);
        var unknown = Assert.Throws<ArgumentException>(() => EvaluationConclusion.Of(set, "nobody"));
        Assert.Contains("'nobody' is not scored", unknown.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationConclusion.Of(set, candidate.Name, alpha: 0));
    }

    [Fact]
    public void Charts_RenderEverySeriesAndSlice()
    {
        var set = Report.Value.Sets[^1];
        var scores = set.Scores.Take(2).ToList();
        var html = Plotly.NET.GenericChart.toChartHTML(ValidationCharts.Distribution("Bootstrap Sharpe", "annualised Sharpe",
            scores.Select(s => (s.Name, s.Statistics.Draws.Sharpe, s.Statistics.Ci95.Sharpe)).ToList()));
        Assert.Contains("Bootstrap Sharpe", html);
        foreach (var s in scores) Assert.Contains(s.Name + " (95%: ", html);
        var slices = Plotly.NET.GenericChart.toChartHTML(ValidationCharts.Slices(set, "regime"));
        Assert.Contains("annualised Sharpe per regime", slices);
        Assert.Throws<ArgumentException>(() => ValidationCharts.Distribution("t", "x", []));
        Assert.Throws<ArgumentException>(() => ValidationCharts.Slices(set, "planet"));
    }

    [Fact]
    public void TrainedRuns_FindsRunsOnThisMarketWithAModel_NewestFirst()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(Small);
        var other = ExperimentContext.Load(Small with { Synthetic = Small.Synthetic! with { Seed = 6 } });
        string Run(string name, ExperimentContext on, DateTimeOffset created, bool model = true)
        {
            var run = dir.Combine(name);
            Directory.CreateDirectory(Path.Combine(run, "models", "best"));
            if (model) File.WriteAllText(Path.Combine(run, "models", "best", "model.json"), "{}");
            new RunRecord { Algorithm = "sft", Created = created, Data = on.Data, Split = on.Resolved, Seed = 1 }.Save(run);
            return run;
        }
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var older = Run("rl_sft_run_a", context, t0);
        var newer = Run("rl_grpo_run_b", context, t0.AddHours(1));
        Run("rl_sft_run_other_market", other, t0.AddHours(2));
        Run("rl_sft_run_no_model", context, t0.AddHours(3), model: false);
        Directory.CreateDirectory(dir.Combine("not_a_run"));

        Assert.Equal([newer, older], TrainedRuns.OnMarket(dir.Path, context));
        Assert.Equal(newer, TrainedRuns.Latest(dir.Path, context));
        Assert.Null(TrainedRuns.Latest(dir.Combine("missing"), context));
    }
}
