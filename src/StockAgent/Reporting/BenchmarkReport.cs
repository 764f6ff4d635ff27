using System.Globalization;
using StockAgent.Evaluation;
using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>
/// The published benchmark report, on the research plan's template: title, publication date and test period; Summary
/// (trajectories, training iterations, the agent's Sharpe ratio with its deflated Sharpe ratio and trial count, win
/// rate, annual return, max drawdown, each with its 95% stationary-bootstrap interval; every goal met or not met, with
/// its number); Methodology (data and fingerprint, symbols, periods and embargo, the training method from the run
/// folders, the out-of-sample protocol, costs, statistics); Performance Metrics (the agent against the benchmark SPY,
/// equal-weight buy-and-hold, SMA crossover and random, on every test set, with results per regime and sector);
/// the pipeline's life; Limitations; Reproducibility. Built from result records only (<see cref="BenchmarkSources"/>);
/// every number is the record's, formatted by <see cref="ReportFormat"/>. The headline test set is the evaluation's
/// first (the test period on the training symbols), and the agent is its first trained candidate. A run that did not
/// meet its goals gets the same report with "goals not met" in its summary; rows scored in-sample are marked IN-SAMPLE.
/// <see cref="BenchmarkMarkdown"/> and <see cref="BenchmarkHtml"/> render the same <see cref="Blocks"/>.
/// </summary>
public sealed record BenchmarkReport(
    string Title,
    string Subtitle,
    CandidateScore Agent,
    TestSetReport Headline,
    IReadOnlyList<GoalVerdict> Goals,
    IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>True only when every goal was measured and met.</summary>
    public bool GoalsMet => Goals.All(g => g.Met == true);

    /// <summary>The report of <paramref name="sources"/>; with <paramref name="charts"/> false the blocks hold no charts
    /// (the Markdown needs none, and building them takes a moment on long records).</summary>
    public static BenchmarkReport Build(BenchmarkSources sources, bool charts = true)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var evaluation = sources.Evaluation;
        if (evaluation.Sets.Count == 0) throw new ArgumentException("the evaluation holds no test set, so there is nothing to report.", nameof(sources));
        var headline = evaluation.Sets[0];
        var agent = headline.Scores.FirstOrDefault(IsAgent)
            ?? throw new ArgumentException($"the evaluation scores no trained model on '{headline.Set.Name}' (only {string.Join(", ", headline.Scores.Select(s => s.Name))}): a benchmark report reports an agent.", nameof(sources));
        var goals = Verdicts(sources, agent);
        bool met = goals.All(g => g.Met == true);
        string title = $"StockAgent benchmark report: {agent.Name}";
        string subtitle = $"Published {sources.Published.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · " +
                          $"test period {ReportFormat.Date(headline.Set.From)} to {ReportFormat.Date(headline.Set.To)} · {evaluation.Data.Source}";
        var blocks = new List<ReportBlock>();
        Summary(blocks, sources, headline, agent, goals, met);
        Methodology(blocks, sources);
        Performance(blocks, evaluation, charts);
        if (sources.Run is { } run) Pipeline(blocks, sources, run, charts);
        Limitations(blocks, sources, headline, agent);
        Reproducibility(blocks, sources);
        return new BenchmarkReport(title, subtitle, agent, headline, goals, blocks);
    }

    private static bool IsAgent(CandidateScore s) => s.Kind is not ("baseline" or "benchmark");

    /// <summary>The goals, measured on the headline test set (and the run's trajectory count).</summary>
    public static IReadOnlyList<GoalVerdict> Verdicts(BenchmarkSources sources, CandidateScore agent)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(agent);
        var g = sources.Goals;
        var e = agent.Statistics;
        var i = e.Ci95;
        static bool? Above(double x, double target) => double.IsFinite(x) ? x > target : null;
        var list = new List<GoalVerdict>
        {
            sources.Run is { } run
                ? new GoalVerdict("Trajectories collected", "≥ " + ReportFormat.Count(g.Trajectories), ReportFormat.Count(run.Trajectories), run.Trajectories >= g.Trajectories)
                : new GoalVerdict("Trajectories collected", "≥ " + ReportFormat.Count(g.Trajectories), "no pipeline run", null),
            new("Sharpe ratio (annualised)", "> " + ReportFormat.Ratio(g.Sharpe), ReportFormat.WithInterval(e.Sharpe, i.Sharpe.Low, i.Sharpe.High, ReportFormat.Ratio), Above(e.Sharpe, g.Sharpe)),
            new("Win rate", $"> {ReportFormat.Percent(g.WinRate)} over ≥ {g.MinTrades} trades",
                ReportFormat.WithInterval(e.WinRate, i.WinRate.Low, i.WinRate.High, ReportFormat.Percent) + $" over {ReportFormat.Count(e.Trades)} trades",
                e.Trades > 0 && e.Trades < g.MinTrades ? false : Above(e.WinRate, g.WinRate)),
            new("Total return", "> " + ReportFormat.Percent(g.TotalReturn), ReportFormat.WithInterval(e.TotalReturn, i.TotalReturn.Low, i.TotalReturn.High, ReportFormat.Percent), Above(e.TotalReturn, g.TotalReturn)),
            new("Max drawdown", "< " + ReportFormat.Percent(g.MaxDrawdown), ReportFormat.WithInterval(e.MaxDrawdown, i.MaxDrawdown.Low, i.MaxDrawdown.High, ReportFormat.Percent),
                double.IsFinite(e.MaxDrawdown) ? e.MaxDrawdown < g.MaxDrawdown : null),
            new("Profit factor", "> " + ReportFormat.Ratio(g.ProfitFactor), ReportFormat.Ratio(e.ProfitFactor),
                double.IsNaN(e.ProfitFactor) ? null : e.ProfitFactor > g.ProfitFactor),
        };
        return list;
    }

    private static void Summary(List<ReportBlock> blocks, BenchmarkSources sources, TestSetReport headline, CandidateScore agent, IReadOnlyList<GoalVerdict> goals, bool met)
    {
        var e = agent.Statistics;
        var i = e.Ci95;
        blocks.Add(new ReportHeading(2, "Summary"));
        int metCount = goals.Count(g => g.Met == true);
        blocks.Add(new ReportParagraph(met
            ? $"**All goals met** ({metCount} of {goals.Count}) out of sample on the {headline.Set.Name}."
            : $"**Goals not met**: {metCount} of {goals.Count} goals met out of sample on the {headline.Set.Name} ({headline.Set.Kind})."));
        if (e.Trades == 0 && !double.IsFinite(e.Sharpe))
            blocks.Add(new ReportParagraph($"The agent made no trade on the {headline.Set.Name}: it stayed out of the market, so its Sharpe ratio, win rate and profit factor cannot be computed (not measured counts as not met)."));
        if (e.Trades > 0 && e.Trades < sources.Goals.MinTrades)
            blocks.Add(new ReportParagraph($"**Few trades**: the agent closed only {ReportFormat.Count(e.Trades)} trade(s) on the {headline.Set.Name}, fewer than the {sources.Goals.MinTrades} a win rate needs; its Sharpe ratio is that of a few positions, not evidence of a strategy."));
        if (agent.InSample) blocks.Add(new ReportParagraph("**IN-SAMPLE**: the agent trained on part of this test set, so these numbers are not out of sample."));
        var sentences = sources.Evaluation.Sets.Where(s => s.Scores.Any(x => x.Name == agent.Name)).Select(s => EvaluationConclusion.Of(s, agent.Name)).ToList();
        blocks.Add(new ReportBullets(sentences));

        var run = sources.Run;
        string dsr = double.IsFinite(e.Dsr) && e.Deflation is { } d
            ? $"DSR {ReportFormat.Ratio(e.Dsr)} over {ReportFormat.Count(d.Trials)} trials"
            : "no DSR (fewer than two registered trials)";
        var rows = new List<IReadOnlyList<string>>
        {
            Row("Total trajectories", run is null ? "n/a (no pipeline run)" : ReportFormat.Count(run.Trajectories), "", "the run's experience library"),
            Row("Training iterations", run is null ? "n/a (no pipeline run)" : $"{ReportFormat.Count(run.Iterations)} in {ReportFormat.Count(run.Sessions)} sessions", "", ""),
            Row("Sharpe ratio (annualised)", ReportFormat.Ratio(e.Sharpe), ReportFormat.Interval(i.Sharpe.Low, i.Sharpe.High, ReportFormat.Ratio), $"{dsr}; PSR {ReportFormat.Ratio(e.Psr)}"),
            Row("Win rate", ReportFormat.Percent(e.WinRate), ReportFormat.Interval(i.WinRate.Low, i.WinRate.High, ReportFormat.Percent),
                $"{ReportFormat.Count(e.Trades)} closed trades; binomial p {ReportFormat.PValue(e.BinomialPValue)}"),
            Row("Annual return", ReportFormat.Percent(e.Cagr), ReportFormat.Interval(i.Cagr.Low, i.Cagr.High, ReportFormat.Percent), "compound annual growth"),
            Row("Total return", ReportFormat.Percent(e.TotalReturn), ReportFormat.Interval(i.TotalReturn.Low, i.TotalReturn.High, ReportFormat.Percent), $"{ReportFormat.Count(e.Observations)} trading days"),
            Row("Max drawdown", ReportFormat.Percent(e.MaxDrawdown), ReportFormat.Interval(i.MaxDrawdown.Low, i.MaxDrawdown.High, ReportFormat.Percent), ""),
            Row("Profit factor", ReportFormat.Ratio(e.ProfitFactor), "", "gross profit / gross loss of closed trades"),
        };
        blocks.Add(new ReportTable(["Metric", "Agent", "95% interval", "Notes"], rows, $"The agent on the {headline.Set.Name} [{agent.Label}]"));
        blocks.Add(new ReportHeading(3, "Goals"));
        blocks.Add(new ReportTable(["Goal", "Target", "Measured", "Verdict"], goals.Select(g => Row(g.Goal, g.Target, g.Measured, g.Verdict)).ToList(),
            $"The research plan's goals, measured out of sample on the {headline.Set.Name} (trajectories: the run's library)"));
        if (run is not null)
            blocks.Add(new ReportParagraph(run.GoalsMetOnValidation
                ? "On the validation period (which chose the model) the run met its goals."
                : "On the validation period (which chose the model) the run did not meet its goals either."));
    }

    private static void Methodology(List<ReportBlock> blocks, BenchmarkSources sources)
    {
        var ev = sources.Evaluation;
        var data = ev.Data;
        var split = ev.Split;
        blocks.Add(new ReportHeading(2, "Methodology"));
        var sectors = sources.Coverage.Select(c => c.Sector).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var items = new List<string>
        {
            $"Data: {data.Source} ({data.Kind}), fingerprint `{data.Fingerprint}`, daily bars {ReportFormat.Date(data.FirstDate)} to {ReportFormat.Date(data.LastDate)}, " +
            $"{data.Symbols.Count} symbols{(data.Benchmark is { } b ? $", benchmark {b}" : ", no market benchmark (the equal-weight index stands in)")}.",
            $"Symbols: {split.TrainingSymbols.Count} for training, {split.HeldOutSymbols.Count} held out from training (never seen by the model, nor by its features' index)" +
            (sectors.Count > 0 ? $"; trajectories over {sectors.Count} sectors ({string.Join(", ", sectors)})." : "."),
            $"Periods: training {ReportFormat.Date(split.TrainStart)} to {ReportFormat.Date(split.TrainEnd)}" +
            (split.ValidationStart is { } vs && split.ValidationEnd is { } ve ? $", validation (model selection) {ReportFormat.Date(vs)} to {ReportFormat.Date(ve)}" : "") +
            $", test {ReportFormat.Date(split.TestStart)} to {ReportFormat.Date(split.TestEnd)}; embargo of {Embargo(split)} calendar days between the last day used for training or selection and the first test day.",
        };
        items.AddRange(TrainingMethod(sources.TrainingRuns));
        items.Add("Out-of-sample protocol: the test sets below are scored once, at the end of the run, with the model chosen on validation; they never choose a model. " +
                  "Each set is checked against the model's run record (dates and symbols it trained on): in-sample scoring is refused unless asked for, and then marked IN-SAMPLE.");
        items.Add($"Backtest: {(ev.Costs.Length > 0 ? ev.Costs : "costs not recorded")}; one continuous backtest per symbol, combined into an equal-weight portfolio; models act greedy (their most probable action).");
        items.Add($"Statistics: Sharpe ratios annualised with 252 days; 95% intervals from {ReportFormat.Count(ev.Resamples)} stationary-bootstrap resamples (Politis and Romano 1994, seed {ev.Seed}); " +
                  "p-values of the Sharpe difference to the benchmark by the Jobson-Korkie test with Memmel's correction; PSR against 0 and the deflated Sharpe ratio (Bailey and López de Prado 2012, 2014) " +
                  (ev.Trials is { } t ? $"over the {ReportFormat.Count(t.Trials)} trials of the experiment registry" : "(no DSR: fewer than two registered trials)") +
                  "; win rate with the exact binomial test against 50%.");
        blocks.Add(new ReportBullets(items));
        blocks.Add(new ReportTable(["Test set", "Kind", "From", "To", "Symbols", "Guard"],
            ev.Sets.Select(s => Row(s.Set.Name, s.Set.Kind, ReportFormat.Date(s.Set.From), ReportFormat.Date(s.Set.To), ReportFormat.Count(s.Set.Symbols.Count),
                s.Guard.Count == 0 ? "no run record" : string.Join("; ", s.Guard))).ToList(), "Test sets"));
    }

    private static int Embargo(Experience.ResolvedSplit split) =>
        split.TestStart.DayNumber - (split.ValidationEnd ?? split.TrainEnd).DayNumber - 1;

    /// <summary>One line per algorithm of the runs: SFT's settings, then the RL sessions' (LoRA rank and alpha, KL
    /// coefficient, clip, group size, learning rate, iterations run).</summary>
    private static IEnumerable<string> TrainingMethod(IReadOnlyList<TrainingRunSummary> runs)
    {
        if (runs.Count == 0)
        {
            yield return "Training: no run folders were found beside the evaluation, so the training method is not reported here.";
            yield break;
        }
        foreach (var group in runs.GroupBy(r => r.Record.Algorithm))
        {
            var first = group.First();
            string S(string key) => first.Setting(key) ?? "n/a";
            int iterations = group.Sum(r => r.Curve?.Points.Count ?? 0);
            yield return group.Key switch
            {
                "sft" => $"Training, step 1: supervised fine-tuning (SFT) on hindsight labels of the library's top trajectories ({group.Count()} run(s); epochs {S("sft_epochs")}, " +
                         $"batch {S("sft_batch_size")}, learning rate {S("sft_learning_rate")}, network {S("architecture")} {S("hidden")}; LoRA adapters of rank {S("lora_rank")}, alpha {S("lora_alpha")}, the part RL trains).",
                _ => $"Training, then: {group.Key.ToUpperInvariant()} on the LoRA adapters with KL control to the SFT policy ({group.Count()} session(s), {iterations} iterations logged; " +
                     $"KL coefficient {S("kl_coef")}, clip {S("clip_eps")}, group size {S("group_size")}, learning rate {S("learning_rate")}, epochs {S("epochs")}, " +
                     $"reward {S("reward")}, early stopping patience {S("patience")}).",
            };
        }
    }

    private static void Performance(List<ReportBlock> blocks, EvaluationReport ev, bool charts)
    {
        blocks.Add(new ReportHeading(2, "Performance Metrics"));
        blocks.Add(new ReportParagraph("Every policy on every test set, its equal-weight portfolio's daily returns after costs. Intervals are 95% stationary-bootstrap intervals; " +
                                       "p is the two-sided p-value of the Sharpe difference to the benchmark; PSR is the probability that the true Sharpe is above 0; DSR deflates it for the number of trials."));
        foreach (var set in ev.Sets)
        {
            blocks.Add(new ReportHeading(3, $"{set.Set.Name} ({ReportFormat.Date(set.Set.From)} to {ReportFormat.Date(set.Set.To)}, {set.Set.Symbols.Count} symbols)"));
            blocks.Add(MetricsTable(set));
            if (charts && BenchmarkReportCharts.ForSet(set) is { } setCharts) blocks.AddRange(setCharts);
        }
        var sliced = ev.Sets.LastOrDefault(s => s.Scores.Any(x => x.Slices.Count > 0));
        if (sliced is null) return;
        foreach (var grouping in new[] { "regime", "sector" })
        {
            var keys = sliced.Scores.SelectMany(s => s.Slices).Where(r => r.Grouping == grouping).Select(r => r.Slice).Distinct().ToList();
            if (keys.Count == 0) continue;
            blocks.Add(new ReportHeading(3, $"By {grouping}: {sliced.Set.Name}"));
            var scored = sliced.Scores.Where(s => s.Slices.Count > 0).ToList();
            blocks.Add(new ReportTable([grouping, .. scored.Select(s => s.Name + " Sharpe"), "days"],
                keys.Select(k => (IReadOnlyList<string>)[k, .. scored.Select(s => ReportFormat.Ratio(s.Slices.FirstOrDefault(r => r.Grouping == grouping && r.Slice == k)?.Sharpe ?? double.NaN)),
                    ReportFormat.Count(scored[0].Slices.FirstOrDefault(r => r.Grouping == grouping && r.Slice == k)?.Days ?? 0)]).ToList(),
                $"Annualised Sharpe per {grouping} on the {sliced.Set.Name}"));
            if (charts) blocks.Add(new ReportChart($"Sharpe per {grouping} on the {sliced.Set.Name}", ValidationCharts.Slices(sliced, grouping)));
        }
    }

    /// <summary>The metrics table of one test set: a row per candidate (the agents first, then the benchmark and the
    /// baselines), its label last.</summary>
    public static ReportTable MetricsTable(TestSetReport set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var order = set.Scores.OrderBy(s => IsAgent(s) ? 0 : s.Kind == "benchmark" ? 1 : s.Name == EvaluationRun.EqualWeightBuyAndHold ? 2 : s.Name == EvaluationRun.SmaCrossover ? 3 : 4).ToList();
        var rows = order.Select(s =>
        {
            var e = s.Statistics;
            var i = e.Ci95;
            return Row(s.Name, ReportFormat.WithInterval(e.Sharpe, i.Sharpe.Low, i.Sharpe.High, ReportFormat.Ratio),
                ReportFormat.WithInterval(e.WinRate, i.WinRate.Low, i.WinRate.High, ReportFormat.Percent), ReportFormat.Count(e.Trades),
                ReportFormat.WithInterval(e.Cagr, i.Cagr.Low, i.Cagr.High, ReportFormat.Percent),
                ReportFormat.WithInterval(e.TotalReturn, i.TotalReturn.Low, i.TotalReturn.High, ReportFormat.Percent),
                ReportFormat.WithInterval(e.MaxDrawdown, i.MaxDrawdown.Low, i.MaxDrawdown.High, ReportFormat.Percent),
                ReportFormat.Ratio(e.ProfitFactor), s.Kind == "benchmark" ? "" : ReportFormat.PValue(e.SharpeDifference?.PValue ?? double.NaN),
                ReportFormat.Ratio(e.Psr), ReportFormat.Ratio(e.Dsr), s.Label);
        }).ToList();
        return new ReportTable(["Policy", "Sharpe [95%]", "Win rate [95%]", "Trades", "Annual return [95%]", "Total return [95%]", "Max drawdown [95%]", "Profit factor", "p vs benchmark", "PSR", "DSR", "Label"],
            rows, $"{set.Set.Name}: {set.Set.Kind}");
    }

    private static void Pipeline(List<ReportBlock> blocks, BenchmarkSources sources, RunSummary run, bool charts)
    {
        blocks.Add(new ReportHeading(2, "The pipeline's life"));
        var best = run.BestValidation;
        var rows = new List<IReadOnlyList<string>>
        {
            Row("Run folder", run.Folder),
            Row("Status", run.Status + (run.StopReason is { } why ? $" ({why})" : "")),
            Row("Started", run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"),
            Row("Ran for", Duration(run.Seconds)),
            Row("Trajectories / batches", $"{ReportFormat.Count(run.Trajectories)} / {ReportFormat.Count(run.Batches)}"),
            Row("Training sessions / iterations", $"{ReportFormat.Count(run.Sessions)} / {ReportFormat.Count(run.Iterations)}"),
            Row("Best model", best?.Model ?? "none"),
            Row("Best validation", best is null ? "n/a" : $"Sharpe {ReportFormat.Ratio(best.Sharpe)} (buy-and-hold {ReportFormat.Ratio(best.BuyAndHoldSharpe)}), win rate {ReportFormat.Percent(best.WinRate)} over {ReportFormat.Count(best.Trades)} trades, " +
                                                        $"total return {ReportFormat.Percent(best.TotalReturn)}, max drawdown {ReportFormat.Percent(best.MaxDrawdown)}"),
            Row("Goals met on validation", run.GoalsMetOnValidation ? "yes" : "no"),
        };
        blocks.Add(new ReportTable(["", "Value"], rows, "The continuous pipeline run"));
        if (!charts) return;
        if (run.Milestones.Count > 0)
            blocks.Add(new ReportChart("Milestones: trajectories collected and each validation check's Sharpe and win rate against the goal lines",
                BenchmarkCharts.Milestones(run.Milestones, new MilestoneGoals(sources.Goals.Trajectories, sources.Goals.Sharpe, sources.Goals.WinRate))));
        if (sources.Coverage.Count > 0)
            blocks.Add(new ReportChart("Trajectory coverage: the library's trajectories per sector and market regime", BenchmarkCharts.Coverage(sources.Coverage)));
        var curves = sources.TrainingRuns.Select(r => r.Curve).OfType<TrainingCurve>().Where(c => c.Points.Count > 0).ToList();
        if (curves.Count > 0)
            blocks.Add(new ReportChart("Training curves: reward, KL to the reference policy and clip fraction per iteration, one line per session", BenchmarkCharts.TrainingCurves(curves)));
    }

    private static void Limitations(List<ReportBlock> blocks, BenchmarkSources sources, TestSetReport headline, CandidateScore agent)
    {
        var ev = sources.Evaluation;
        var e = agent.Statistics;
        var c = CultureInfo.InvariantCulture;
        var items = new List<string>();
        items.Add(ev.Data.Kind == "synthetic"
            ? "Synthetic market: the data come from the kit's seeded generator (Markov regimes, GARCH, jumps). There is no survivorship bias, but nothing here says how the agent would do on a real market."
            : $"Survivorship bias: the {ev.Data.Symbols.Count} symbols are those present in the data folder; companies delisted, merged or bankrupt over the period are missing, which flatters every long strategy, buy-and-hold included.");
        items.Add($"Costs: {(ev.Costs.Length > 0 ? ev.Costs : "not recorded")}. No market impact, borrowing costs, taxes or capacity limits are modelled.");
        double width = e.Ci95.Sharpe.High - e.Ci95.Sharpe.Low;
        items.Add(double.IsFinite(width)
            ? string.Create(c, $"Short test window: {e.Observations} daily returns ({ReportFormat.Date(headline.Set.From)} to {ReportFormat.Date(headline.Set.To)}); the agent's Sharpe interval spans {width:F2} ({ReportFormat.Interval(e.Ci95.Sharpe.Low, e.Ci95.Sharpe.High, ReportFormat.Ratio)}){(e.Ci95.Sharpe.Contains(0) ? " and includes 0" : "")}.")
            : $"Short test window: {e.Observations} daily returns; the agent's Sharpe has no interval (its returns have no variance: it held no position, or held it without change).");
        items.Add(double.IsFinite(e.MinTrackRecordDays)
            ? string.Create(c, $"Minimum track record length (Bailey and López de Prado 2012): {e.MinTrackRecordDays:F0} daily returns are needed for the observed Sharpe to be above 0 at 95% confidence; the test period has {e.Observations}, so the record is {(e.Observations >= e.MinTrackRecordDays ? "long enough" : "too short")}.")
            : "Minimum track record length: undefined, because the observed Sharpe ratio is not above 0.");
        items.Add(ev.Trials is { } t
            ? $"Multiple testing: {ReportFormat.Count(t.Trials)} configurations are registered for this market; the deflated Sharpe ratio ({ReportFormat.Ratio(e.Dsr)}) accounts for them, the plain Sharpe does not."
            : "Multiple testing: fewer than two trials are registered, so no deflated Sharpe ratio could be computed; the Sharpe ratio is not corrected for the configurations tried.");
        var inSample = ev.Sets.SelectMany(s => s.Scores.Where(x => x.InSample).Select(x => $"{x.Name} on {s.Set.Name}")).ToList();
        if (inSample.Count > 0) items.Add($"IN-SAMPLE rows: {string.Join(", ", inSample)}. Those numbers are on data the model trained on and say nothing about out-of-sample performance.");
        var selection = ev.Sets.SelectMany(s => s.Scores.Where(x => x.Label.Contains("model selection", StringComparison.Ordinal)).Select(x => $"{x.Name} on {s.Set.Name}")).ToList();
        if (selection.Count > 0) items.Add($"Rows labelled 'used for model selection' ({string.Join(", ", selection)}) overlap the validation period that chose the model.");
        items.Add("Daily bars only: decisions at the close and fills at the next open; intraday moves, halts and partial fills are not modelled.");
        blocks.Add(new ReportHeading(2, "Limitations"));
        blocks.Add(new ReportBullets(items));
    }

    private static void Reproducibility(List<ReportBlock> blocks, BenchmarkSources sources)
    {
        var ev = sources.Evaluation;
        var items = new List<string>();
        if (sources.Run?.Command is { } command) items.Add($"Run: `{command}`");
        items.Add(sources.Run is { } run ? $"Report: `stockagent report --run {run.Folder}`" : $"Report: `stockagent report --evaluation {sources.EvaluationFile ?? "EVALUATION.json"}`");
        foreach (var r in sources.TrainingRuns.Where(r => r.Record.Command.Length > 0).Take(12))
            items.Add($"Training run {r.Name} ({r.Record.Algorithm}, seed {r.Record.Seed}): `{r.Record.Command}`, code {r.Record.CodeVersion}");
        if (sources.TrainingRuns.Count > 12) items.Add($"... and {sources.TrainingRuns.Count - 12} more training runs (see their run.json).");
        items.Add($"Seeds: evaluation and bootstrap {ev.Seed} ({ReportFormat.Count(ev.Resamples)} resamples)" + (ev.Data.MarketSeed is { } m ? $"; synthetic market {m}" : "") + ".");
        items.Add($"Data fingerprint: `{ev.Data.Fingerprint}` ({ev.Data.Source}).");
        items.Add($"Code: {sources.CodeVersion} (this report); the training runs record theirs in run.json.");
        if (sources.EvaluationFile is { } file) items.Add($"Evaluation record: {file} (with returns.csv and draws.csv beside it).");
        if (ev.Registry is { } registry) items.Add($"Experiment registry: {registry}.");
        blocks.Add(new ReportHeading(2, "Reproducibility"));
        blocks.Add(new ReportBullets(items));
    }

    private static string Duration(double seconds) =>
        seconds < 120 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s")
        : seconds < 7200 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F2} h");

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
