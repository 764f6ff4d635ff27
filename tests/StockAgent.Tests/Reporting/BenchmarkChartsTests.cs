using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using Plotly.NET;
using StockAgent.Reporting;
using StockAgent.Statistics;

namespace StockAgent.Tests.Reporting;

/// <summary>The benchmark report's charts, read back from their Plotly JSON: the traces (number, names, types), the
/// plotted values against the path statistics, the log/linear buttons, the goal lines and the titles.</summary>
public class BenchmarkChartsTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Weekdays from Monday 2021-01-04.</summary>
    private static DateOnly[] Weekdays(int n, DateOnly? from = null)
    {
        var dates = new List<DateOnly>();
        for (var d = from ?? new DateOnly(2021, 1, 4); dates.Count < n; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates.Add(d);
        return [.. dates];
    }

    private static double[] Normal(int seed, int n, double mean = 0.0004, double sd = 0.01)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
    }

    private static ReturnTrace Trace(string name, int seed, int n = 300, bool benchmark = false) => new(name, Weekdays(n), Normal(seed, n), benchmark);

    private static readonly ReturnTrace[] Four =
    [
        Trace("agent", 1), Trace("SPY", 2, benchmark: true), Trace("equal-weight buy-and-hold", 3), Trace("sma-crossover", 4),
    ];

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    private static JsonElement[] Data(JsonElement figure) => [.. figure.GetProperty("data").EnumerateArray()];

    private static JsonElement Layout(JsonElement figure) => figure.GetProperty("layout");

    private static string Title(JsonElement o) => o.GetProperty("title").GetProperty("text").GetString()!;

    private static double?[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double?> actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            if (double.IsFinite(expected[i])) Assert.True(Math.Abs(expected[i] - actual[i]!.Value) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"point {i}: {actual[i]} vs {expected[i]}");
            else Assert.Null(actual[i]);
        }
    }

    [Fact]
    public void EquityCurves_OneLinePerSeries_EndingAtTheProductOfTheDailyFactors_WithLinearLogButtons()
    {
        var figure = Figure(BenchmarkCharts.EquityCurves(Four));
        var data = Data(figure);
        Assert.Equal(Four.Select(t => t.Name), data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        for (int i = 0; i < Four.Length; i++)
        {
            var x = Strings(data[i].GetProperty("x"));
            var y = Numbers(data[i].GetProperty("y"));
            Assert.Equal(Four[i].Returns.Length + 1, y.Length);
            Assert.Equal("2021-01-01", x[0]); // the weekday before Monday 2021-01-04 (a holiday: the calendar is not known)
            Assert.Equal(Four[i].Dates.Select(Day), x[1..]);
            Assert.Equal(1, y[0]);
            double product = Four[i].Returns.Aggregate(1.0, (p, r) => p * (1 + r));
            Assert.Equal(product, y[^1]!.Value, 12);
            AssertClose(ReturnPaths.Growth(Four[i].Returns), y);
        }
        // The benchmark is dashed and dark grey; the others solid in distinct colours.
        Assert.Equal("dash", data[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("#444444", data[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("solid", data[0].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(4, data.Select(t => t.GetProperty("line").GetProperty("color").GetString()).Distinct().Count());

        var layout = Layout(figure);
        Assert.Equal("Growth of 1<br><sup>against SPY (benchmark, dashed)</sup>", Title(layout));
        Assert.Equal("date", Title(layout.GetProperty("xaxis")));
        Assert.Equal("growth of 1", Title(layout.GetProperty("yaxis")));
        Assert.Equal("h", layout.GetProperty("legend").GetProperty("orientation").GetString()); // in rows below the plot
        var menu = Assert.Single(layout.GetProperty("updatemenus").EnumerateArray());
        Assert.Equal("buttons", menu.GetProperty("type").GetString());
        var buttons = menu.GetProperty("buttons").EnumerateArray().ToArray();
        Assert.Equal(["linear", "log"], buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.All(buttons, b => Assert.Equal("relayout", b.GetProperty("method").GetString()));
        Assert.Equal(["linear", "log"], buttons.Select(b => b.GetProperty("args")[0].GetProperty("yaxis.type").GetString()));
    }

    [Fact]
    public void Underwater_PlotsTheDrawdownInPercent_FilledToZero()
    {
        var figure = Figure(BenchmarkCharts.Underwater(Four));
        var data = Data(figure);
        Assert.Equal(4, data.Length);
        for (int i = 0; i < Four.Length; i++)
        {
            var y = Numbers(data[i].GetProperty("y"));
            var growth = ReturnPaths.Growth(Four[i].Returns);
            AssertClose(ReturnPaths.Drawdown(growth).Select(d => 100 * d).ToArray(), y);
            Assert.All(y, v => Assert.InRange(v!.Value, -100, 0));
            Assert.Equal(-100 * MetricsCalculator.MaxDrawdown(growth).MaxDrawdown, y.Min()!.Value, 10);
            Assert.Equal("tozeroy", data[i].GetProperty("fill").GetString());
            Assert.Equal(Four[i].Name, data[i].GetProperty("name").GetString());
        }
        var layout = Layout(figure);
        Assert.Contains("against SPY", Title(layout));
        Assert.Equal("drawdown (%)", Title(layout.GetProperty("yaxis")));
        Assert.Equal("date", Title(layout.GetProperty("xaxis")));
    }

    [Fact]
    public void RollingSharpe_StartsAtTheWindowthReturn_EqualsThePathStatistic_GapsAreNull()
    {
        // A series flat for its first 70 days has windows with zero spread: their Sharpe is NaN, drawn as gaps.
        var flat = new ReturnTrace("flat start", Weekdays(300), [.. Enumerable.Repeat(0.0, 70), .. Normal(9, 230)]);
        ReturnTrace[] traces = [Four[0], Four[1], flat];
        var figure = Figure(BenchmarkCharts.RollingSharpe(traces));
        var data = Data(figure);
        Assert.Equal(3, data.Length);
        foreach (var (trace, t) in traces.Zip(data))
        {
            var x = Strings(t.GetProperty("x"));
            Assert.Equal(trace.Dates[62..].Select(Day), x);
            AssertClose(ReturnPaths.RollingSharpe(trace.Returns)[62..], Numbers(t.GetProperty("y")));
        }
        var flatY = Numbers(data[2].GetProperty("y"));
        Assert.Equal(70 - 62, flatY.TakeWhile(v => v is null).Count());
        Assert.Equal(Math.Sqrt(252) * MetricsCalculator.Mean(Four[0].Returns.AsSpan(0, 63)) / MetricsCalculator.StdDev(Four[0].Returns.AsSpan(0, 63)),
            Numbers(data[0].GetProperty("y"))[0]!.Value, 12);
        var layout = Layout(figure);
        Assert.Equal("Rolling 63-day Sharpe ratio (annualised)<br><sup>against SPY (benchmark, dashed)</sup>", Title(layout));
        Assert.Equal("date", Title(layout.GetProperty("xaxis")));
        Assert.Contains("63-day window", Title(layout.GetProperty("yaxis")));

        Assert.StartsWith("Rolling 20-day Sharpe", Title(Layout(Figure(BenchmarkCharts.RollingSharpe(traces, 20)))));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkCharts.RollingSharpe(traces, 1));
    }

    [Fact]
    public void RollingSharpe_ASeriesShorterThanTheWindow_IsNamedInTheTitle()
    {
        var figure = Figure(BenchmarkCharts.RollingSharpe([Four[0], Trace("new fund", 5, n: 40)]));
        var data = Data(figure);
        Assert.Equal(2, data.Length);
        Assert.Equal("new fund (fewer than 63 returns)", data[1].GetProperty("name").GetString());
        Assert.Equal(0, data[1].GetProperty("y").GetArrayLength());
        Assert.Equal(300 - 62, data[0].GetProperty("y").GetArrayLength());
        Assert.EndsWith("<sup>not drawn, shorter than the 63-day window: new fund (40 returns)</sup>", Title(Layout(figure)));
    }

    [Fact]
    public void MonthlyReturns_HeatmapOfYearsByMonths_InPercentWithText_OnADivergingScaleCentredOnZero()
    {
        // 300 weekdays from 2021-01-04 end on 2022-02-25: two years, 2022 from March on empty.
        var agent = Four[0];
        var grid = MonthlyReturns.Of(agent.Dates, agent.Returns);
        var figure = Figure(BenchmarkCharts.MonthlyReturns(agent));
        var heatmap = Assert.Single(Data(figure));
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.Equal(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], Strings(heatmap.GetProperty("x")));
        Assert.Equal(["2021", "2022"], Strings(heatmap.GetProperty("y")));
        var z = heatmap.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        var text = heatmap.GetProperty("text").EnumerateArray().Select(Strings).ToArray();
        for (int y = 0; y < 2; y++)
        {
            AssertClose(grid.Values[y].Select(v => 100 * v).ToArray(), z[y]);
            for (int m = 0; m < 12; m++)
                Assert.Equal(double.IsFinite(grid.Values[y][m]) ? (100 * grid.Values[y][m]).ToString("F1", Inv) + "%" : "", text[y][m]);
        }
        Assert.Equal(10, z[1].Count(v => v is null));
        double january = agent.Dates.Zip(agent.Returns).Where(p => p.First.Year == 2021 && p.First.Month == 1).Aggregate(1.0, (p, r) => p * (1 + r.Second)) - 1;
        Assert.Equal(100 * january, z[0][0]!.Value, 12);
        Assert.Equal("%{text}", heatmap.GetProperty("texttemplate").GetString());
        Assert.Equal("coloraxis", heatmap.GetProperty("coloraxis").GetString());

        var layout = Layout(figure);
        var colourAxis = layout.GetProperty("coloraxis");
        Assert.Equal(0, colourAxis.GetProperty("cmid").GetDouble());
        var scale = colourAxis.GetProperty("colorscale").EnumerateArray().ToArray();
        Assert.Equal(0.5, scale[1][0].GetDouble());
        Assert.Equal("#f7f7f7", scale[1][1].GetString()); // white at the centre, red below, green above
        Assert.Equal("Monthly returns of agent (%)", Title(layout));
        Assert.Equal("month", Title(layout.GetProperty("xaxis")));
        Assert.Equal("year", Title(layout.GetProperty("yaxis")));
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void MonthlyReturns_WithABenchmark_DrawsItBelowOnTheSameColourAxis()
    {
        var spy = Four[1] with { IsBenchmark = false }; // marked as the benchmark by the call
        var figure = Figure(BenchmarkCharts.MonthlyReturns(Four[0], spy));
        var data = Data(figure);
        Assert.Equal(2, data.Length);
        Assert.All(data, t => Assert.Equal("heatmap", t.GetProperty("type").GetString()));
        Assert.Equal(["agent", "SPY (benchmark)"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data, t => Assert.Equal("coloraxis", t.GetProperty("coloraxis").GetString()));
        Assert.Equal("y2", data[1].GetProperty("yaxis").GetString());
        var grid = MonthlyReturns.Of(spy.Dates, spy.Returns);
        AssertClose(grid.Values[0].Select(v => 100 * v).ToArray(), Numbers(data[1].GetProperty("z")[0]));
        var layout = Layout(figure);
        Assert.Equal("Monthly returns of agent (%)<br><sup>against SPY (benchmark, below) on the same colour scale</sup>", Title(layout));
        Assert.Equal("year", Title(layout.GetProperty("yaxis2")));
        Assert.Equal(["agent", "SPY (benchmark)"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Throws<ArgumentException>(() => BenchmarkCharts.MonthlyReturns(Four[0], Four[0]));
    }

    [Fact]
    public void ReturnDistribution_HistogramAsADensity_WithTheNormalOfTheSameMeanAndSd()
    {
        var agent = Four[0];
        var figure = Figure(BenchmarkCharts.ReturnDistribution(agent, Four[1]));
        var data = Data(figure);
        Assert.Equal(["histogram", "scatter", "histogram", "scatter"], data.Select(t => t.GetProperty("type").GetString()));
        Assert.Equal("agent", data[0].GetProperty("name").GetString());
        Assert.Equal("SPY (benchmark)", data[2].GetProperty("name").GetString());
        foreach (int h in new[] { 0, 2 })
            Assert.Equal("probability density", data[h].GetProperty("histnorm").GetString());
        var percent = agent.Returns.Select(r => 100 * r).ToArray();
        AssertClose(percent, Numbers(data[0].GetProperty("x")));

        // The normal line: MathNet's pdf at the line's x, mean and sample sd computed here independently.
        double mean = percent.Average(), sd = Math.Sqrt(percent.Sum(x => (x - mean) * (x - mean)) / (percent.Length - 1));
        var x = Numbers(data[1].GetProperty("x")).Select(v => v!.Value).ToArray();
        var y = Numbers(data[1].GetProperty("y"));
        Assert.Equal(200, x.Length);
        AssertClose(x.Select(v => MathNet.Numerics.Distributions.Normal.PDF(mean, sd, v)).ToArray(), y, 1e-10);
        Assert.Equal($"normal fit of agent (mean {mean.ToString("F3", Inv)}%, sd {sd.ToString("F3", Inv)}%)", data[1].GetProperty("name").GetString());
        Assert.Equal("dash", data[3].GetProperty("line").GetProperty("dash").GetString());

        // Shared bins from the smallest to the largest return of both, 50 of them.
        double lo = Math.Min(percent.Min(), Four[1].Returns.Min() * 100), hi = Math.Max(percent.Max(), Four[1].Returns.Max() * 100);
        var bins = data[0].GetProperty("xbins");
        Assert.Equal(lo, bins.GetProperty("start").GetDouble(), 12);
        Assert.Equal((hi - lo) / 50, bins.GetProperty("size").GetDouble(), 12);
        Assert.Equal(bins.GetRawText(), data[2].GetProperty("xbins").GetRawText());
        Assert.Equal(lo, x[0], 12);
        Assert.Equal(hi, x[^1], 12);

        var layout = Layout(figure);
        Assert.Equal("overlay", layout.GetProperty("barmode").GetString());
        Assert.StartsWith("Daily returns of agent<br><sup>histogram as a density, against the normal of the same mean and sd", Title(layout));
        Assert.Contains("SPY (benchmark) overlaid", Title(layout));
        Assert.Equal("daily return (%)", Title(layout.GetProperty("xaxis")));
        Assert.Contains("density", Title(layout.GetProperty("yaxis")));
        Assert.Equal(2, Data(Figure(BenchmarkCharts.ReturnDistribution(agent))).Length);
    }

    [Fact]
    public void BootstrapSharpeAndMonteCarloDrawdown_GoThroughTheDistributionChart_DrawdownInPercent()
    {
        var rng = new Random(11);
        var sharpeDraws = Enumerable.Range(0, 500).Select(_ => 0.8 + rng.NextDouble()).ToArray();
        var ddDraws = Enumerable.Range(0, 500).Select(_ => 0.1 + 0.2 * rng.NextDouble()).ToArray();
        var sharpe = Figure(BenchmarkCharts.BootstrapSharpe([("agent", sharpeDraws, new ConfidenceInterval(0.85, 1.75))]));
        var data = Data(sharpe);
        Assert.Equal("bar", data[0].GetProperty("type").GetString());
        Assert.Equal("agent (95%: 0.85 .. 1.75)", data[0].GetProperty("name").GetString());
        Assert.Equal(500, Numbers(data[0].GetProperty("y")).Sum());
        Assert.Equal([0.85, 0.85], Numbers(data[1].GetProperty("x")).Select(v => v!.Value));
        Assert.Contains("Sharpe", Title(Layout(sharpe)));
        Assert.Equal("annualised Sharpe ratio", Title(Layout(sharpe).GetProperty("xaxis")));
        Assert.Equal("resamples", Title(Layout(sharpe).GetProperty("yaxis")));

        var drawdown = Figure(BenchmarkCharts.MonteCarloDrawdown([("agent", ddDraws, new ConfidenceInterval(0.12, 0.29)), ("SPY", ddDraws, new ConfidenceInterval(0.11, 0.3))]));
        var dd = Data(drawdown);
        Assert.Equal(["agent (95%: 12.00 .. 29.00)", "agent 95% bound", "agent 95% bound", "SPY (95%: 11.00 .. 30.00)", "SPY 95% bound", "SPY 95% bound"],
            dd.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(12, Numbers(dd[1].GetProperty("x"))[0]!.Value, 12);
        Assert.Equal(29, Numbers(dd[2].GetProperty("x"))[0]!.Value, 12);
        Assert.InRange(Numbers(dd[0].GetProperty("x")).Min()!.Value, 10, 11);
        Assert.Equal("maximum drawdown (%)", Title(Layout(drawdown).GetProperty("xaxis")));
        Assert.Equal("paths", Title(Layout(drawdown).GetProperty("yaxis")));
    }

    [Fact]
    public void Milestones_ThreePanelsAgainstTheirGoalLines()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        MilestonePoint[] points =
        [
            new(t0.AddHours(2), 2_000, 0.4, 0.48),
            new(t0, 500, null, null), // given out of order: drawn in time order
            new(t0.AddHours(1), 1_000, null, null),
            new(t0.AddHours(3), 4_000, 1.1, 0.52),
        ];
        var figure = Figure(BenchmarkCharts.Milestones(points, new MilestoneGoals(10_000, 1.5, 0.55)));
        var data = Data(figure);
        Assert.Equal(["trajectories collected", "goal: 10,000 trajectories", "validation Sharpe", "goal: Sharpe > 1.5", "validation win rate", "goal: win rate > 55%"],
            data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal(["y", "y", "y2", "y2", "y3", "y3"], data.Select(t => t.GetProperty("yaxis").GetString()));

        Assert.Equal([500.0, 1_000, 2_000, 4_000], Numbers(data[0].GetProperty("y")).Select(v => v!.Value));
        Assert.Equal(["2026-03-01 09:00:00", "2026-03-01 10:00:00", "2026-03-01 11:00:00", "2026-03-01 12:00:00"], Strings(data[0].GetProperty("x")));
        Assert.Equal([0.4, 1.1], Numbers(data[2].GetProperty("y")).Select(v => v!.Value));
        Assert.Equal(["2026-03-01 11:00:00", "2026-03-01 12:00:00"], Strings(data[2].GetProperty("x")));
        AssertClose([48, 52], Numbers(data[4].GetProperty("y")));
        // Goal lines span the whole period at the goal's value (win rate in percent).
        foreach (var (goal, value) in new[] { (1, 10_000.0), (3, 1.5), (5, 55.0) })
        {
            AssertClose([value, value], Numbers(data[goal].GetProperty("y")));
            Assert.Equal(["2026-03-01 09:00:00", "2026-03-01 12:00:00"], Strings(data[goal].GetProperty("x")));
            Assert.Equal("dash", data[goal].GetProperty("line").GetProperty("dash").GetString());
        }
        var layout = Layout(figure);
        Assert.Equal("Pipeline milestones against the goals", Title(layout));
        Assert.Equal("time (UTC)", Title(layout.GetProperty("xaxis")));
        Assert.Equal(["trajectories", "Sharpe ratio", "win rate (%)"], new[] { "yaxis", "yaxis2", "yaxis3" }.Select(a => Title(layout.GetProperty(a))));
        Assert.Equal(3, layout.GetProperty("grid").GetProperty("rows").GetInt32());

        var early = Layout(Figure(BenchmarkCharts.Milestones([points[1]], new MilestoneGoals(10_000, 1.5, 0.55))));
        Assert.Contains(early.GetProperty("annotations").EnumerateArray(), a => a.GetProperty("text").GetString() == "validation Sharpe ratio (annualised): no check yet");
        Assert.Throws<ArgumentException>(() => BenchmarkCharts.Milestones([], new MilestoneGoals(1, 1, 0.5)));
    }

    [Fact]
    public void Coverage_HeatmapOfSectorsByRegimes_EveryRegimeShown_MissingPairsZero()
    {
        CoverageCell[] cells =
        [
            new("Tech", "bull-high-vol", 1_200), new("Energy", "bear-low-vol", 30), new("Tech", "sideways-low-vol", 7), new("Energy", "unlabelled", 2),
        ];
        var figure = Figure(BenchmarkCharts.Coverage(cells));
        var heatmap = Assert.Single(Data(figure));
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        var regimes = Strings(heatmap.GetProperty("x"));
        Assert.Equal([.. StockAgent.Market.MarketRegime.All.Select(r => r.ToString()), "unlabelled"], regimes);
        Assert.Equal(["Energy", "Tech"], Strings(heatmap.GetProperty("y")));
        var z = heatmap.GetProperty("z").EnumerateArray().Select(Numbers).ToArray();
        var text = heatmap.GetProperty("text").EnumerateArray().Select(Strings).ToArray();
        Assert.Equal(1_200, z[1][Array.IndexOf(regimes, "bull-high-vol")]);
        Assert.Equal("1,200", text[1][Array.IndexOf(regimes, "bull-high-vol")]);
        Assert.Equal(30, z[0][Array.IndexOf(regimes, "bear-low-vol")]);
        Assert.Equal(2, z[0][^1]);
        Assert.Equal(1_239, z.SelectMany(r => r).Sum());
        Assert.Equal(14 - 4, z.SelectMany(r => r).Count(v => v == 0));
        Assert.Equal("0", text[0][0]);
        Assert.Equal("%{text}", heatmap.GetProperty("texttemplate").GetString());
        var layout = Layout(figure);
        Assert.Equal("Trajectory coverage: 1,239 trajectories by sector and market regime", Title(layout));
        Assert.Equal("market regime", Title(layout.GetProperty("xaxis")));
        Assert.Equal("sector", Title(layout.GetProperty("yaxis")));

        var twice = Assert.Throws<ArgumentException>(() => BenchmarkCharts.Coverage([cells[0], cells[0]]));
        Assert.Contains("(Tech, bull-high-vol) is given twice", twice.Message);
    }

    private const string GrpoMetrics =
        """
        {"step":1,"time":"2026-12-01T14:01:18.4939255\u002B00:00","grpo/loss":-0.00069,"grpo/reward_mean":0.5534,"grpo/reward_std":0.317,"grpo/kl":0.0011,"grpo/clip_fraction":0.0099,"grpo/entropy":0.068,"grpo/zero_spread_groups":0.125,"grpo/value_loss":null,"grpo/seconds":0.16,"grpo/validation_sharpe":-0.11}
        {"step":2,"time":"2026-12-01T14:01:19.3597405\u002B00:00","grpo/loss":-0.00057,"grpo/reward_mean":0.5904,"grpo/reward_std":0.293,"grpo/kl":null,"grpo/clip_fraction":0.0087,"grpo/entropy":0.062,"grpo/zero_spread_groups":0.218,"grpo/value_loss":null,"grpo/seconds":0.10,"grpo/validation_sharpe":-0.12}

        {"step":3,"time":"2026-12-01T14:01:20.0317190\u002B00:00","grpo/loss":-0.00014,"grpo/reward_mean":0.5912,"grpo/reward_std":0.315,"grpo/kl":0.0015,"grpo/clip_fraction":0.0130,"grpo/entropy":0.069,"grpo/zero_spread_groups":0.187,"grpo/value_loss":null,"grpo/seconds":0.10,"grpo/validation_sharpe":null}
        """;

    private const string PpoMetrics =
        """
        {"step":1,"time":"2026-12-01T15:00:00.0000000\u002B00:00","ppo/loss":0.02,"ppo/reward_mean":0.41,"ppo/reward_std":0.2,"ppo/kl":0.002,"ppo/clip_fraction":0.05,"ppo/entropy":0.9,"ppo/zero_spread_groups":null,"ppo/value_loss":0.3,"ppo/seconds":0.2,"ppo/validation_sharpe":null}
        {"step":2,"time":"2026-12-01T15:00:01.0000000\u002B00:00","ppo/loss":0.01,"ppo/reward_mean":0.45,"ppo/reward_std":0.2,"ppo/kl":0.003,"ppo/clip_fraction":0.04,"ppo/entropy":0.8,"ppo/zero_spread_groups":null,"ppo/value_loss":0.2,"ppo/seconds":0.2,"ppo/validation_sharpe":0.3}
        """;

    private const string SftMetrics =
        """
        {"step":1,"time":"2026-12-01T14:01:14.9906451\u002B00:00","sft/loss":0.247,"sft/seconds":0.83,"sft/validation_sharpe":-0.26}
        {"step":1,"time":"2026-12-01T14:01:16.8605080\u002B00:00","sft/train_accuracy":0.98,"sft/validation_accuracy":null,"sft/validation_sharpe":-0.26,"sft/validation_buy_and_hold_sharpe":0.14}
        """;

    [Fact]
    public void TrainingCurveFile_ReadsRlRuns_SftRunsHaveNone()
    {
        using var dir = new Support.TempFolder();
        dir.File("rl_grpo_run_20261201_140117/metrics.jsonl", GrpoMetrics);
        dir.File("rl_ppo_run_20261201_150000/metrics.jsonl", PpoMetrics);
        dir.File("rl_sft_run_20261201_140113/metrics.jsonl", SftMetrics);
        Directory.CreateDirectory(dir.Combine("tensorboard_only"));

        var grpo = TrainingCurveFile.Read(dir.Combine("rl_grpo_run_20261201_140117"))!;
        Assert.Equal("rl_grpo_run_20261201_140117", grpo.Run);
        Assert.Equal("grpo", grpo.Algorithm);
        Assert.Equal([1, 2, 3], grpo.Points.Select(p => p.Step));
        Assert.Equal([0.5534, 0.5904, 0.5912], grpo.Points.Select(p => p.Reward));
        Assert.Equal(0.0011, grpo.Points[0].Kl);
        Assert.True(double.IsNaN(grpo.Points[1].Kl)); // null in the file
        Assert.Equal(0.0130, grpo.Points[2].ClipFraction);
        Assert.Null(TrainingCurveFile.Read(dir.Combine("rl_sft_run_20261201_140113")));

        var all = TrainingCurveFile.ReadAll(dir.Path);
        Assert.Equal(["rl_grpo_run_20261201_140117", "rl_ppo_run_20261201_150000"], all.Select(c => c.Run));
        Assert.Equal("ppo", all[1].Algorithm);
        Assert.Empty(TrainingCurveFile.ReadAll(dir.Combine("missing")));
        Assert.Throws<FileNotFoundException>(() => TrainingCurveFile.Read(dir.Combine("tensorboard_only")));
    }

    [Theory]
    [InlineData("{\"step\":1,\"grpo/reward_mean\":0.5}\n{\"step\":2,\"grpo/reward_mean\":0.5,", ":2: not a JSON object")]
    [InlineData("[1, 2]", ":1: not a JSON object but Array")]
    [InlineData("{\"grpo/reward_mean\":0.5}", ":1: no integer \"step\"")]
    [InlineData("\n\n{\"step\":1,\"grpo/reward_mean\":0.5,\"grpo/kl\":\"high\"}", ":3: \"grpo/kl\" is \"high\", not a number")]
    [InlineData("{\"step\":1,\"grpo/reward_mean\":0.5}\n{\"step\":2,\"ppo/reward_mean\":0.5}", ":2: 'ppo/reward_mean' in a run whose earlier lines are grpo")]
    public void TrainingCurveFile_ACorruptLine_IsAnErrorNamingFileAndLine(string content, string message)
    {
        using var dir = new Support.TempFolder();
        var path = dir.File("run/metrics.jsonl", content);
        var error = Assert.Throws<InvalidDataException>(() => TrainingCurveFile.Read(dir.Combine("run")));
        Assert.Contains(path + message, error.Message);
    }

    [Fact]
    public void TrainingCurves_ThreePanels_OneLinePerRunInEach_OneLegendEntryPerRun()
    {
        var a = new TrainingCurve("rl_grpo_run_a", "grpo", [new(1, 0.5, 0.001, 0.01), new(2, 0.6, double.NaN, 0.02), new(3, 0.65, 0.003, 0.015)]);
        var b = new TrainingCurve("rl_ppo_run_b", "ppo", [new(1, 0.4, 0.002, 0.05), new(2, 0.45, 0.004, 0.04)]);
        var figure = Figure(BenchmarkCharts.TrainingCurves([a, b]));
        var data = Data(figure);
        Assert.Equal(6, data.Length);
        Assert.All(data, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal(["rl_grpo_run_a (grpo)", "rl_ppo_run_b (ppo)"], data.Select(t => t.GetProperty("name").GetString()).Distinct());
        Assert.Equal(["y", "y", "y2", "y2", "y3", "y3"], data.Select(t => t.GetProperty("yaxis").GetString()));
        Assert.Equal(2, data.Count(t => !t.TryGetProperty("showlegend", out var s) || s.GetBoolean()));
        Assert.Equal(["rl_grpo_run_a", "rl_ppo_run_b", "rl_grpo_run_a", "rl_ppo_run_b", "rl_grpo_run_a", "rl_ppo_run_b"], data.Select(t => t.GetProperty("legendgroup").GetString()));
        Assert.Equal(data[0].GetProperty("line").GetProperty("color").GetString(), data[4].GetProperty("line").GetProperty("color").GetString());

        Assert.Equal([1.0, 2, 3], Numbers(data[0].GetProperty("x")).Select(v => v!.Value));
        Assert.Equal([0.5, 0.6, 0.65], Numbers(data[0].GetProperty("y")).Select(v => v!.Value));
        Assert.Equal([0.001, null, 0.003], Numbers(data[2].GetProperty("y")));
        Assert.Equal([0.05, 0.04], Numbers(data[5].GetProperty("y")).Select(v => v!.Value));

        var layout = Layout(figure);
        Assert.Equal("Training curves: reward, KL and clip fraction per iteration", Title(layout));
        Assert.Equal("iteration", Title(layout.GetProperty("xaxis")));
        Assert.Equal(["reward", "KL", "clip fraction"], new[] { "yaxis", "yaxis2", "yaxis3" }.Select(x => Title(layout.GetProperty(x))));
        Assert.Throws<ArgumentException>(() => BenchmarkCharts.TrainingCurves([]));
        Assert.Throws<ArgumentException>(() => BenchmarkCharts.TrainingCurves([a, a]));
    }

    [Fact]
    public void ReturnCharts_BadTraces_AreErrorsNamingTheTrace()
    {
        var unsorted = new ReturnTrace("agent", [new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 6)], [0.01, 0.02, 0.03]);
        var order = Assert.Throws<ArgumentException>(() => BenchmarkCharts.EquityCurves([unsorted]));
        Assert.Contains("return trace 'agent': dates must increase", order.Message);
        var loss = Assert.Throws<ArgumentException>(() => BenchmarkCharts.Underwater([Four[0] with { Returns = [.. Four[0].Returns[..^1], -1.5] }]));
        Assert.Contains("return trace 'agent': Returns: -1.5", loss.Message);
        Assert.Contains("named 'agent'", Assert.Throws<ArgumentException>(() => BenchmarkCharts.EquityCurves([Four[0], Four[0]])).Message);
        Assert.Contains("only one trace can be the benchmark", Assert.Throws<ArgumentException>(() =>
            BenchmarkCharts.EquityCurves([Four[1], Four[0] with { IsBenchmark = true }])).Message);
        Assert.Throws<ArgumentException>(() => BenchmarkCharts.RollingSharpe([]));
    }
}
