using System.Diagnostics;
using System.Globalization;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Market;
using StockAgent.Statistics;

namespace StockAgent.Experiments;

/// <summary>
/// Phase 3 robustness: one model (or baseline) under stress, each configuration one row scored by
/// <see cref="PolicyTester"/> (one continuous backtest per symbol, the equal-weight portfolio, features warmed up on the
/// bars before the window, next-open fills):
/// <list type="number">
/// <item>crisis windows (<see cref="RobustnessSettings.Crises"/>) on the HELD-OUT symbols only, cut to the market's
/// days, labelled as the guard says (out-of-symbol, in-time); a window outside the market is a row "not in the data";</item>
/// <item>synthetic shocks (<see cref="SyntheticShock"/>) injected into a FRESH synthetic market (another seed than the
/// model's market, dated after it, every symbol, features computed on it), scored over its last
/// <see cref="RobustnessSettings.ShockWindowDays"/> days beside the same window without a shock;</item>
/// <item>position-size and stop-loss grids and</item>
/// <item>cost multipliers on the out-of-time test set (the split's test period on the training symbols);</item>
/// <item>several policy sampling seeds there, summarised as mean and standard deviation.</item>
/// </list>
/// Every scored set on the model's market is checked by <see cref="TestSetGuard"/> against the model's run record
/// (in-sample is refused). Every row with a Sharpe ratio is recorded in the experiment registry (kind "robustness",
/// config hash of model + scenario), so the deflated Sharpe ratio counts these trials too.
/// </summary>
public static class RobustnessRun
{
    public const string CrisisGroup = "crisis";
    public const string ShockGroup = "shock";
    public const string PositionSizeGroup = "position size";
    public const string StopLossGroup = "stop loss";
    public const string CostsGroup = "costs";
    public const string SeedsGroup = "seeds";
    public const string RegistryKind = "robustness";

    private sealed record Job(string Scenario, string Group, string Label, MarketData Market, string Fingerprint, TestSet Set, BacktestOptions Backtest, int Seed);

    public static RobustnessResult Run(ExperimentContext context, RobustnessSettings settings, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var candidates = CandidateResolver.Resolve([settings.Model]);
        if (candidates.Count != 1)
            throw new ArgumentException($"'{settings.Model}' names {candidates.Count} models; robustness stresses exactly one.", nameof(settings.Model));
        var candidate = candidates[0];
        var notes = new List<string>();
        var run = candidate.Run;
        if (candidate.ModelDirectory is not null && run is null)
            notes.Add($"{candidate.Name} has no run record (run.json): the dates and symbols it trained on are unknown, so no set could be checked against them.");
        var split = run?.Split ?? context.Resolved;

        string Guarded(TestSet set) => run is null ? set.Kind : TestSetGuard.Check(set, run.Split).Label; // throws on in-sample
        var slots = new List<(RobustnessRow? Missing, Job? Job)>();
        void Add(Job job) => slots.Add((null, job));

        foreach (var crisis in settings.Crises)
            slots.Add(CrisisSlot(crisis, context, settings, split, Guarded));

        var (shockJobs, shockNote) = ShockJobs(context, settings, run);
        notes.Add(shockNote);
        foreach (var j in shockJobs) Add(j);

        var test = TestSets.Defaults(split, context.Calendar)[0];
        string label = Guarded(test);
        var reference = settings.Backtest;
        Job OnTest(string scenario, string group, BacktestOptions options, int seed) =>
            new(scenario, group, label, context.Market, context.Data.Fingerprint, test, options, seed);
        foreach (var size in settings.PositionSizes)
            Add(OnTest(Invariant($"position size {size:0.##}"), PositionSizeGroup, reference with { PositionSize = size }, settings.Seed));
        foreach (var stop in settings.StopLosses)
            Add(OnTest(stop is { } s ? Invariant($"stop-loss {s:0.###}") : "stop-loss none", StopLossGroup, reference with { StopLoss = stop }, settings.Seed));
        var (commission, slippage) = Bps(reference.Costs);
        foreach (var m in settings.CostMultipliers)
            Add(OnTest(Invariant($"costs x{m:0.##} ({commission * m:0.##}+{slippage * m:0.##} bp)"), CostsGroup,
                reference with { Costs = CostModel.FromBps(commission * m, slippage * m) }, settings.Seed));
        for (int i = 0; i < settings.Seeds; i++)
        {
            int seed = settings.Seed + i * RobustnessSettings.SeedStride;
            Add(OnTest(Invariant($"seed {seed}"), SeedsGroup, reference, seed));
        }

        var policy = CollectionRun.Load(candidate.Spec, context, log, greedy: true); // scored as evaluate scores it
        var rows = new RobustnessRow[slots.Count];
        var recorded = new List<TrialRecord>();
        string model = candidate.ModelDirectory is { } dir ? "model:" + Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar) : candidate.Spec;
        try
        {
            for (int i = 0; i < slots.Count; i++)
            {
                if (slots[i].Missing is { } missing)
                {
                    rows[i] = missing;
                    continue;
                }
                var job = slots[i].Job!;
                log?.Invoke($"robustness: {candidate.Name}, {job.Group}: {job.Scenario}");
                var result = PolicyTester.Run(candidate.Name, candidate.Kind, policy, job.Market, job.Set, job.Backtest, job.Seed);
                rows[i] = Row(job, result, settings);
                if (double.IsFinite(rows[i].Sharpe))
                    recorded.Add(new TrialRecord(ConfigHash(model, job), job.Fingerprint, rows[i].Sharpe / Math.Sqrt(MetricsCalculator.TradingDays), rows[i].Days,
                        DateTimeOffset.UtcNow, $"{candidate.Name}: {job.Group}: {job.Scenario}", RegistryKind));
            }
        }
        finally
        {
            (policy as IDisposable)?.Dispose();
        }

        var registry = RegistryPath(settings, candidate);
        int tried = rows.Count(r => r.InData);
        if (registry is null)
            notes.Add($"no experiment registry (a baseline or a model outside a run, and no registry given): none of the {tried} configurations tried was recorded.");
        else
        {
            using var open = ExperimentRegistry.Open(registry);
            foreach (var t in recorded) open.Record(t);
            if (recorded.Count < tried) notes.Add($"{tried - recorded.Count} configuration(s) had no Sharpe ratio (no variation in the returns) and were not recorded.");
        }
        return new RobustnessResult(candidate.Name, candidate.Kind, context.Data, split.ToString(), rows,
            SeedSummary(rows.Where(r => r.Group == SeedsGroup).ToList()), registry, registry is null ? 0 : recorded.Count,
            notes, settings.Resamples, settings.Seed, clock.Elapsed.TotalSeconds);
    }

    private static (RobustnessRow?, Job?) CrisisSlot(CrisisWindow crisis, ExperimentContext context, RobustnessSettings settings, Experience.ResolvedSplit split, Func<TestSet, string> guarded)
    {
        var calendar = context.Calendar;
        string kind = TestSet.OutOfSymbolInTime;
        var from = crisis.From > calendar[0] ? crisis.From : calendar[0];
        var to = crisis.To < calendar[^1] ? crisis.To : calendar[^1];
        string span = $"{crisis.From:yyyy-MM-dd}..{crisis.To:yyyy-MM-dd}";
        if (from > to)
            return (RobustnessRow.Missing($"{crisis.Name} ({span})", CrisisGroup, kind, $"not in the data (the market covers {calendar[0]:yyyy-MM-dd}..{calendar[^1]:yyyy-MM-dd})"), null);
        if (split.HeldOutSymbols.Count == 0)
            return (RobustnessRow.Missing($"{crisis.Name} ({span})", CrisisGroup, kind, "the split holds out no symbols"), null);
        var symbols = split.HeldOutSymbols.Where(s => BarsIn(context.Market[s], from, to) >= 2).ToList();
        if (symbols.Count == 0)
            return (RobustnessRow.Missing($"{crisis.Name} ({span})", CrisisGroup, kind, "no held-out symbol has bars in the window"), null);
        var set = new TestSet($"{crisis.Name} ({span})", kind, symbols, from, to);
        return (null, new Job(set.Name, CrisisGroup, guarded(set), context.Market, context.Data.Fingerprint, set, settings.Backtest, settings.Seed));
    }

    private static int BarsIn(PriceSeries s, DateOnly from, DateOnly to) => s.IndexOnOrAfter(to.AddDays(1)) - s.IndexOnOrAfter(from);

    private static (List<Job> Jobs, string Note) ShockJobs(ExperimentContext context, RobustnessSettings settings, RunRecord? run)
    {
        int modelSeed = run?.Data.MarketSeed ?? context.Data.MarketSeed ?? context.Settings.Synthetic.Seed;
        var options = settings.ShockMarket ?? context.Settings.Synthetic with { Seed = modelSeed + 1, Start = context.Calendar[^1].AddDays(1) };
        bool modelSynthetic = (run?.Data.Kind ?? context.Data.Kind) == "synthetic";
        if (modelSynthetic && options.Seed == modelSeed)
            throw new ArgumentException($"the shock market's seed {options.Seed} is the model's market seed: the shocks need a fresh market.", nameof(settings.ShockMarket));
        var fresh = SyntheticMarket.Generate(options);
        var dates = fresh.Benchmark!.Dates;
        int n = dates.Length, w = settings.ShockWindowDays;
        if (n < w + 2)
            throw new ArgumentException($"the shock market has {n} trading days; the shock window needs more than {w}.", nameof(settings.ShockMarket));
        var set = new TestSet($"last {w} days", $"fresh synthetic market (seed {options.Seed})", fresh.Symbols.ToArray(), dates[n - w], dates[^1]);
        var start = dates[n - w + settings.ShockLeadDays];
        var jobs = new List<Job> { new("no shock (same window)", ShockGroup, set.Kind, fresh, MarketFingerprint.Of(fresh), set, settings.Backtest, settings.Seed) };
        foreach (var shock in settings.Shocks)
        {
            var shocked = shock.Apply(fresh, start);
            jobs.Add(new Job(Invariant($"{shock.Name} from {start:yyyy-MM-dd}"), ShockGroup, set.Kind, shocked, MarketFingerprint.Of(shocked), set, settings.Backtest, settings.Seed));
        }
        string note = Invariant($"shocks: a fresh synthetic market (seed {options.Seed}, {options.Symbols} symbols, {dates[0]:yyyy-MM-dd}..{dates[^1]:yyyy-MM-dd}), scored over its last {w} days ({set.From:yyyy-MM-dd}..{set.To:yyyy-MM-dd}); each shock starts {start:yyyy-MM-dd}.");
        return (jobs, note);
    }

    private static RobustnessRow Row(Job job, PolicyTestResult result, RobustnessSettings settings)
    {
        var r = result.Returns.Returns;
        var equity = result.Backtest.Portfolio.Equity;
        double sharpe = MetricsCalculator.Sharpe(r);
        var ci = r.Length >= settings.MinDaysForInterval && double.IsFinite(sharpe)
            ? StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = settings.Resamples, Seed = settings.Seed }).SharpeInterval()
            : ConfidenceInterval.None;
        var exposure = result.Returns.Exposure is { Length: > 0 } e ? e.Average() : double.NaN;
        return new RobustnessRow(job.Scenario, job.Group, job.Label, result.Returns.Dates[0], result.Returns.Dates[^1], result.Backtest.Symbols.Count, r.Length,
            sharpe, ci, MetricsCalculator.TotalReturn(equity), MetricsCalculator.MaxDrawdown(equity).MaxDrawdown,
            MetricsCalculator.TradeStats(result.TradePnl).WinRate, result.TradePnl.Length, exposure);
    }

    private static RobustnessSeedSummary SeedSummary(IReadOnlyList<RobustnessRow> rows)
    {
        var sharpe = rows.Select(r => r.Sharpe).ToArray();
        var total = rows.Select(r => r.TotalReturn).ToArray();
        bool same = rows.All(r => r.Sharpe.Equals(rows[0].Sharpe) && r.TotalReturn.Equals(rows[0].TotalReturn) && r.Trades == rows[0].Trades);
        static double Mean(double[] x) => x.Length == 0 ? double.NaN : MetricsCalculator.Mean(x);
        static double Sd(double[] x) => x.Length < 2 ? double.NaN : MetricsCalculator.StdDev(x);
        return new RobustnessSeedSummary(rows.Count, Mean(sharpe), same ? 0 : Sd(sharpe), Mean(total), same ? 0 : Sd(total), same && rows.Count > 1);
    }

    private static (double Commission, double Slippage) Bps(CostModel costs) =>
        costs is { Commission: BpsCommission c, Slippage: BpsSlippage s }
            ? (c.Bps, s.Bps)
            : throw new ArgumentException("the reference costs must be basis-point commission and slippage to be multiplied.", nameof(RobustnessSettings.Backtest));

    /// <summary>The registry: the one named, else experiments.db beside a trained model's run folder, else none.</summary>
    private static string? RegistryPath(RobustnessSettings settings, EvaluationCandidate candidate) =>
        settings.Registry
        ?? (candidate.ModelDirectory is { } dir && candidate.Run is not null
            ? Path.Combine(Path.GetDirectoryName(EvaluationRun.RunFolder(dir))!, ExperimentRegistry.DefaultFileName)
            : null);

    /// <summary>SHA-256 of the model and every setting that makes the configuration: scenario, data, window, symbols,
    /// sizing, stops and costs, policy seed.</summary>
    private static string ConfigHash(string model, Job job)
    {
        var b = job.Backtest;
        var (commission, slippage) = Bps(b.Costs);
        return ExperimentRegistry.Hash(Invariant(
            $"robustness|{model}|{job.Group}|{job.Scenario}|{job.Fingerprint}|{job.Set.From:yyyy-MM-dd}..{job.Set.To:yyyy-MM-dd}|{string.Join(",", job.Set.Symbols)}|size={b.PositionSize}|stop={b.StopLoss}|bps={commission}+{slippage}|seed={job.Seed}"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
